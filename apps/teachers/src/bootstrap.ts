import '@hyedu/ui/styles.css';
import { startStandalone } from '@hyedu/web';
import routes from './routes.ts';

await startStandalone('teachers', routes);
