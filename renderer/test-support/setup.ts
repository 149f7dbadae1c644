import { configure } from '@testing-library/dom';

/**
 * How long findBy and waitFor wait for the screen before giving up. The default second is too
 * short on a CI machine busy with two test workers and a build; a screen that never shows still
 * fails, only later.
 */
configure({ asyncUtilTimeout: 5000 });
