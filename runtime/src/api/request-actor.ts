// Who is acting: the seam where authentication plugs in. Until it exists every request acts as
// "system"; operations already receive the actor, so audit and permissions need no re-plumbing.
import type { Request } from 'express';

export const SYSTEM_ACTOR = 'system';

export function actorOf(_request: Request): string {
  return SYSTEM_ACTOR;
}
