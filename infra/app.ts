/** The CDK app: composes figcheck's stacks for one stage (`-c stage=dev|prod`). */
import { App, Tags } from 'aws-cdk-lib';
import { buildFigcheck } from './build-figcheck.ts';

const app = new App();
buildFigcheck(app, app.node.tryGetContext('stage'));
Tags.of(app).add('project', 'figcheck');
app.synth();
