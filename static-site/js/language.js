// The language switch button: offers the other language, labelled in that language.

import { lang, onLanguageChange, setLanguage } from './i18n.js';

const other = () => (lang() === 'ko' ? 'en' : 'ko');

export function initLanguageSwitch(button) {
  const render = () => {
    button.setAttribute('lang', other());
    button.dataset.lang = lang();
  };
  button.addEventListener('click', () => setLanguage(other()));
  onLanguageChange(render);
  render();
}
