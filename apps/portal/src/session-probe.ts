// A separate, dependency-free entry of the page (index.html): it runs at once, while the federation runtime loads.
import { probeSession } from './early.ts';

probeSession();
