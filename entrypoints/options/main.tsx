import { render } from 'preact';
import '../../components/ui/theme.css';
import { applyCachedTheme } from '../../components/ui/theme';
import { applyPageLanguage } from '../../utils/i18n';
import './options.css';
import { Options } from './Options';

applyPageLanguage();
applyCachedTheme();
render(<Options />, document.getElementById('app')!);
