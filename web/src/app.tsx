import { lazyPage } from './lazy';
import { ActorPage } from './pages/actor';
import { ClaimsPage } from './pages/claims';
import { DocumentPage } from './pages/document';
import { DyadPage } from './pages/dyad';
import { EventsPage } from './pages/events';
import { OverviewPage } from './pages/overview';
import { SearchPage } from './pages/search';
import { href, useRoute, type Route } from './router';

// Cytoscape and the world map are the two heavy pages: fetched on first visit only.
const NetworkPage = lazyPage(() => import('./pages/network'), 'NetworkPage');
const MapPage = lazyPage(() => import('./pages/map'), 'MapPage');

const NAV = [
  ['', 'Overview'],
  ['events', 'Events'],
  ['claims', 'Claims'],
  ['network', 'Network'],
  ['map', 'Map'],
  ['search', 'Search'],
] as const;

function page(route: Route) {
  const [name, ...rest] = route.parts;
  switch (name) {
    case undefined:
      return <OverviewPage query={route.query} />;
    case 'dyad':
      return <DyadPage a={rest[0] ?? ''} b={rest[1] ?? ''} query={route.query} />;
    case 'actor':
      return <ActorPage id={rest[0] ?? ''} />;
    case 'doc':
      return <DocumentPage id={rest.join('/')} event={route.query.get('event')} />;
    case 'events':
      return <EventsPage query={route.query} />;
    case 'claims':
      return <ClaimsPage query={route.query} />;
    case 'network':
      return <NetworkPage query={route.query} />;
    case 'map':
      return <MapPage query={route.query} />;
    case 'search':
      return <SearchPage query={route.query} />;
    default:
      return (
        <p class="error">
          No page {name}; go back to the <a href="#/">overview</a>.
        </p>
      );
  }
}

/** The dashboard shell: a top bar with the pages, then the routed page. */
export function App() {
  const route = useRoute();
  const current = route.parts[0] ?? '';
  return (
    <>
      <header class="top">
        <a class="brand" href="#/">
          Faultline
        </a>
        <nav>
          {NAV.map(([path, label]) => (
            <a key={path} href={path ? href(path) : '#/'} class={current === path ? 'active' : ''}>
              {label}
            </a>
          ))}
        </nav>
      </header>
      <main key={route.parts.join('/')}>{page(route)}</main>
    </>
  );
}
