import { describe, expect, it } from 'vitest';
import { parseRoute, routeToHash } from '../../../renderer/store/navigation-store';

describe('routes', () => {
  it('round-trips a workshop route through the hash', () => {
    const route = { screen: 'workshop', workshopId: '3f2b-11' } as const;
    expect(parseRoute(routeToHash(route))).toEqual(route);
  });
  it('round-trips the Backups screen', () => {
    expect(routeToHash({ screen: 'backups' })).toBe('#/backups');
    expect(parseRoute('#/backups')).toEqual({ screen: 'backups' });
  });
  it.each(['', '#/', '#/workshop/', '#/workshop/<script>', '#/settings'])('treats %j as the library', (hash) => {
    expect(parseRoute(hash)).toEqual({ screen: 'library' });
  });
});
