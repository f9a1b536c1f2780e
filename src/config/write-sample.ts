import { writeFileSync } from 'node:fs';
import { renderSampleConfig } from './sample.js';

writeFileSync(new URL('../../osschat.example.yaml', import.meta.url), renderSampleConfig());
