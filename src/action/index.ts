import { run } from './main.js';

// The bundle's entry (action.yml `main: dist/index.js`): everything else lives in main.ts, where tests reach it.
void run();
