import { render } from 'preact';
import '../../components/ui/theme.css';
import { applyCachedTheme, applyTheme } from '../../components/ui/theme';
import { applyPageLanguage } from '../../utils/i18n';
import './popup.css';
import { getSettings } from './api';
import { Popup } from './Popup';

applyPageLanguage();
applyCachedTheme();
getSettings().then((settings) => applyTheme(settings.theme), () => undefined);

render(<Popup />, document.getElementById('app')!);
