// Web entry: mounts the React application.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

function App() {
  return <h1>DG Readiness · ความพร้อมรัฐบาลดิจิทัล</h1>;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
