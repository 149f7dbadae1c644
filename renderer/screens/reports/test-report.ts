export { testReport } from '../../../shared/test-support/views';
