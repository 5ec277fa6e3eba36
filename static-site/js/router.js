// Hash routes: "#" (the main view), "#history" and "#result/{id}".

export const HOME = 'home';

/** The route of the current address: { name: 'home' | 'history' } or { name: 'result', id }. */
export function currentRoute() {
  const hash = location.hash.replace(/^#\/?/, '');
  if (hash === 'history') return { name: 'history' };
  const m = /^result\/(.+)$/.exec(hash);
  if (m) {
    try {
      return { name: 'result', id: decodeURIComponent(m[1]) };
    } catch {
      return { name: HOME };
    }
  }
  return { name: HOME };
}

export const resultUrl = (id) => `#result/${encodeURIComponent(id)}`;

/** Calls onRoute() once per address change and lets the page change the address without it. */
export function createRouter(onRoute) {
  // Fragment navigation fires both popstate and hashchange; handle each URL change once.
  let appliedUrl = location.href;
  function onNavigate() {
    if (location.href === appliedUrl) return;
    appliedUrl = location.href;
    onRoute();
  }
  window.addEventListener('hashchange', onNavigate);
  window.addEventListener('popstate', onNavigate);

  /** Change the URL without running the route (the caller already shows the right view). */
  function setUrl(url, replace) {
    if (replace) window.history.replaceState(null, '', url);
    else window.history.pushState(null, '', url);
    appliedUrl = location.href;
  }

  return {
    setUrl,
    /** To the main view's address (a new history entry) unless already there. */
    goHome() {
      if (currentRoute().name !== HOME) setUrl(location.pathname + location.search, false);
    },
  };
}
