import { render } from 'preact';
import '../../components/ui/theme.css';
import { applyCachedTheme } from '../../components/ui/theme';
import './options.css';
import { Options } from './Options';

applyCachedTheme();
render(<Options />, document.getElementById('app')!);
