/** What every write step needs: the request (user, lean), the emulator, and the open unit of work. */
import type { Emulator } from "../emulator";
import type { ApiRequest } from "../http/types";
import type { UnitOfWork } from "./unitOfWork";

export interface WriteContext {
  request: ApiRequest;
  emulator: Emulator;
  unit: UnitOfWork;
}
