import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { loadFirstLanguage } from './i18n/language-store';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
// The first catalogue is fetched beside the first render: the app draws nothing until it is
// here, but its first questions to the main process are already on their way.
void loadFirstLanguage();
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
