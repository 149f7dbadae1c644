export { testStore } from '../../shared/test-support/views';
