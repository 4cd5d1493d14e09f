// Entry point of the studio bundle. It shares the end-user app's design tokens and base styles,
// so both look like one product.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import '../../runtime/web/src/styles/tokens.css';
import '../../runtime/web/src/styles/base.css';
import './styles/studio.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
