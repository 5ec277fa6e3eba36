// Runs face-api.js's own FaceExpressionNet (@vladmandic/face-api@1.7.15, dist/face-api.node.js) on the
// tfjs cpu backend (offline) on deterministic synthetic 112x112 RGB inputs and writes reference vectors
// for the ONNX conversion (models/emotion/faceapi_expression.onnx).
//
// usage: node faceapi_expression_reference.mjs FACEAPI_PACKAGE_DIR OUT_JSON
//   FACEAPI_PACKAGE_DIR: the unpacked npm package (models/.work/pkg/face-api)
//   OUT_JSON:            models/emotion/faceapi_expression.reference-vectors.json
// Module resolution: run from a folder whose node_modules holds @tensorflow/tfjs@4.22.0
// (build-models.sh copies this script into models/.work/tfjs and runs it there).
//
// The package's node build starts with require("@tensorflow/tfjs-node") (native TensorFlow, not
// installable offline) and only re-exports it as its `tf` namespace. That one require is redirected to
// the pure-JS @tensorflow/tfjs (same version, 4.22.0, the version face-api 1.7.15 was built with,
// see its dist/tfjs.version.js) and the cpu backend is selected. Everything else is the package's
// own code: weights loaded by FaceExpressionNet.loadFromDisk from the package's
// model/face_expression_model-weights_manifest.json + .bin (uint8 dequantised by tfjs), and
// FaceExpressionNet.forward (NetInput.toBatchTensor(112) -> FaceFeatureExtractor: subtract the RGB
// means, /255, 4 dense blocks, avgPool -> fully connected -> softmax).
//
// Inputs are synthetic RGB pixels (integers 0..255: smooth gradients, blobs and waves plus seeded
// noise), never photos. They are fed as float32 tensors [112,112,3], exactly the pixel values stored.
// Outputs are written in the app's label order (angry, disgust, fear, happy, sad, surprise, neutral),
// mapped by name from face-api's FaceExpressions object, not by index.

import { readFileSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { join } from 'node:path';
import { mulberry32 } from './seeded-random.mjs';

const [, , packageDir, outPath] = process.argv;
if (!packageDir || !outPath) {
  console.error('usage: node faceapi_expression_reference.mjs FACEAPI_PACKAGE_DIR OUT_JSON');
  process.exit(2);
}

const SIZE = 112;
const COUNT = 8;
const SEED = 20261205;
const LABELS = ['angry', 'disgust', 'fear', 'happy', 'sad', 'surprise', 'neutral'];
// our label -> face-api's FaceExpressions property
const FACEAPI_NAME = {
  angry: 'angry', disgust: 'disgusted', fear: 'fearful', happy: 'happy', sad: 'sad', surprise: 'surprised', neutral: 'neutral',
};

const require = createRequire(import.meta.url);
const tfjsPath = require.resolve('@tensorflow/tfjs');
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function redirectTfjsNode(request, ...rest) {
  return resolveFilename.call(this, request === '@tensorflow/tfjs-node' ? tfjsPath : request, ...rest);
};
const pkg = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
const faceapi = require(join(packageDir, 'dist', 'face-api.node.js'));
Module._resolveFilename = resolveFilename;
const { tf } = faceapi;

function makeInput(index, rand) {
  // Smooth part per channel: a base colour, a linear gradient at a random angle, a few Gaussian blobs
  // (light/dark areas) and a low-frequency wave; then per-pixel noise. Rounded and clamped to 0..255.
  const base = [60 + rand() * 140, 50 + rand() * 130, 40 + rand() * 120];
  const angle = rand() * 2 * Math.PI;
  const slope = 40 + rand() * 120;
  const blobs = Array.from({ length: 3 + (index % 4) }, () => ({
    x: rand() * SIZE,
    y: rand() * SIZE,
    r: 6 + rand() * 24,
    a: [0, 1, 2].map(() => (rand() * 2 - 1) * 150),
  }));
  const fx = (1 + rand() * 3) * (2 * Math.PI / SIZE);
  const fy = (1 + rand() * 3) * (2 * Math.PI / SIZE);
  const waveAmp = rand() * 50;
  const noiseAmp = 3 + 25 * (index / (COUNT - 1));

  const pixels = new Uint8Array(SIZE * SIZE * 3);
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      const u = (x - SIZE / 2) / SIZE;
      const v = (y - SIZE / 2) / SIZE;
      const smooth = slope * (u * Math.cos(angle) + v * Math.sin(angle))
        + waveAmp * Math.sin(fx * x) * Math.cos(fy * y);
      for (let c = 0; c < 3; c++) {
        let g = base[c] + smooth;
        for (const b of blobs) {
          g += b.a[c] * Math.exp(-((x - b.x) ** 2 + (y - b.y) ** 2) / (2 * b.r * b.r));
        }
        g += noiseAmp * (rand() * 2 - 1);
        pixels[(y * SIZE + x) * 3 + c] = Math.max(0, Math.min(255, Math.round(g)));
      }
    }
  }
  return pixels;
}

async function main() {
  await tf.setBackend('cpu');
  await tf.ready();

  const net = new faceapi.FaceExpressionNet();
  await net.loadFromDisk(join(packageDir, 'model'));

  const rand = mulberry32(SEED);
  const inputs = Array.from({ length: COUNT }, (_, i) => makeInput(i, rand));
  const tensors = inputs.map((p) => tf.tensor3d(Float32Array.from(p), [SIZE, SIZE, 3], 'float32'));

  // As a batch (an array of tensors is how face-api classifies several faces at once) ...
  const batch = await net.predictExpressions(tensors);
  // ... and one by one: both must agree, or the reference is not trustworthy.
  let batchVsSingle = 0;
  for (const [i, t] of tensors.entries()) {
    const single = await net.predictExpressions(t);
    for (const name of faceapi.FACE_EXPRESSION_LABELS) {
      batchVsSingle = Math.max(batchVsSingle, Math.abs(single[name] - batch[i][name]));
    }
  }
  if (batchVsSingle > 1e-6) throw new Error(`batch and single runs differ by ${batchVsSingle}`);
  tensors.forEach((t) => t.dispose());

  const outputs = batch.map((e) => LABELS.map((l) => e[FACEAPI_NAME[l]]));

  const lines = [
    '{',
    `  "description": "Reference vectors for models/emotion/faceapi_expression.onnx, produced by models/verify/faceapi_expression_reference.mjs: face-api's own FaceExpressionNet from npm ${pkg.name}@${pkg.version} (dist/face-api.node.js, weights model/face_expression_model.bin) on @tensorflow/tfjs ${tf.version.tfjs} (cpu backend). Inputs are synthetic (seeded) RGB pixels, NHWC [112,112,3] row-major, stored as base64 of the uint8 values and fed as float32 0..255. Outputs are the tfjs softmax (float32) in the app's label order (mapped by name from face-api's FaceExpressions).",`,
    `  "seed": ${SEED},`,
    `  "labels": ${JSON.stringify(LABELS)},`,
    `  "faceApiLabels": ${JSON.stringify(faceapi.FACE_EXPRESSION_LABELS)},`,
    `  "inputShape": [1, ${SIZE}, ${SIZE}, 3],`,
    '  "inputEncoding": "base64 uint8 RGB, NHWC row-major",',
    '  "inputs": [',
    inputs.map((p) => `    "${Buffer.from(p).toString('base64')}"`).join(',\n'),
    '  ],',
    '  "outputs": [',
    outputs.map((v) => `    ${JSON.stringify(v)}`).join(',\n'),
    '  ]',
    '}',
    '',
  ];
  writeFileSync(outPath, lines.join('\n'));
  console.log(`face-api ${pkg.version}, tfjs ${tf.version.tfjs} (${tf.getBackend()}); batch vs one by one: max diff ${batchVsSingle.toExponential(3)}`);
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
