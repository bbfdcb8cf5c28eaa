/**
 * The one place shared code gets zod from: zod/mini (a fifth of full zod's
 * size, which matters on the start-up path) with English messages, which
 * zod/mini does not load by itself.
 */
import * as z from 'zod/mini';
import { en } from 'zod/locales';

z.config(en());

export { z };
