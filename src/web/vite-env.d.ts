// Vite client types: CSS modules, asset imports, import.meta.env.
/// <reference types="vite/client" />
