/** Mounts the window. The app is reached only through `window.smsit`, which the preload exposes. */
import { mount } from 'svelte';
import App from './App.svelte';
import { apiContext } from './lib/api-context';
import { createWindowModels } from './lib/window-models';
import './styles/app.css';

const target = document.getElementById('app');
if (!target) throw new Error('The page has no #app element.');
mount(App, { target, props: { models: createWindowModels(window.smsit) }, context: apiContext(window.smsit) });
