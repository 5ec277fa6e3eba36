// Hash routes: "#" (the main view), "#history" and "#result/{id}": which route the address names, what entering
// each route does (the page gives one handler per route), and which views show for a route and the flow's state.

export const HOME = 'home';
export const HISTORY = 'history';
export const RESULT = 'result';

/** The route of the current address: { name: HOME | HISTORY } or { name: RESULT, id }. */
export function currentRoute() {
  const hash = location.hash.replace(/^#\/?/, '');
  if (hash === HISTORY) return { name: HISTORY };
  const m = /^result\/(.+)$/.exec(hash);
  if (m) {
    try {
      return { name: RESULT, id: decodeURIComponent(m[1]) };
    } catch {
      return { name: HOME };
    }
  }
  return { name: HOME };
}

export const resultUrl = (id) => `#${RESULT}/${encodeURIComponent(id)}`;

/**
 * Which views show: the capture view on the main view while idle or failed, a result once it is the one on screen
 * (not while it loads), the history on its own; the status area everywhere but the history. current names the
 * navigation link that is the current page, or null.
 */
export function viewsFor(route, flowState, shownResultId) {
  const home = route.name === HOME;
  return {
    capture: home && (flowState === 'idle' || flowState === 'failed'),
    result: route.name === RESULT && shownResultId === route.id && flowState !== 'loading',
    history: route.name === HISTORY,
    status: route.name !== HISTORY,
    current: home || route.name === HISTORY ? route.name : null,
  };
}

/**
 * Whether coming back to the main view starts afresh: after a result (or a re-open in progress) it means a new
 * photo; a failure keeps its "try again" while the page still holds the photo or file.
 */
export const startsAfresh = (state) =>
  state.name === 'done' || state.name === 'loading' || (state.name === 'failed' && !state.photo && !state.file);

/**
 * Calls handlers[route.name](route, moveFocus) once per address change (moveFocus: true), and on apply(); lets the
 * page change the address without it.
 */
export function createRouter(handlers) {
  const apply = (moveFocus) => {
    const route = currentRoute();
    handlers[route.name](route, moveFocus);
  };
  // Fragment navigation fires both popstate and hashchange; handle each URL change once.
  let appliedUrl = location.href;
  function onNavigate() {
    if (location.href === appliedUrl) return;
    appliedUrl = location.href;
    apply(true);
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
    apply,
    setUrl,
    /** To the main view's address (a new history entry) unless already there. */
    goHome() {
      if (currentRoute().name !== HOME) setUrl(location.pathname + location.search, false);
    },
  };
}
