export { testLine, testTab } from '../../shared/test-support/views';
