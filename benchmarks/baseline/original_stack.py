#!/usr/bin/python3
"""The original team's stack, rebuilt from Debian packages (python3-opencv, opencv-data):
OpenCV's Haar cascade finds the face, the same mini-Xception emotion model runs in OpenCV's DNN module.

  original_stack.py time <runs> <photo>...   JSON: per photo, median/p95 ms and the largest face box
  original_stack.py once <photo>             one analysis (cold start is timed by the caller)
"""
import json
import statistics
import sys
import time

import cv2
import numpy as np

CASCADE = "/usr/share/opencv4/haarcascades/haarcascade_frontalface_default.xml"
MODEL = sys.path[0] + "/../../models/emotion/mini_xception_emotion.onnx"
EMOTIONS = ["angry", "disgust", "fear", "happy", "sad", "surprise", "neutral"]

cv2.setNumThreads(1)  # like our pipeline: one thread per analysis
detector = cv2.CascadeClassifier(CASCADE)
classifier = cv2.dnn.readNetFromONNX(MODEL)


def analyse(data):
    image = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)  # applies EXIF orientation
    grey = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    faces = detector.detectMultiScale(grey, scaleFactor=1.3, minNeighbors=5)
    results = []
    for (x, y, w, h) in sorted(faces, key=lambda f: -f[2] * f[3]):
        crop = cv2.resize(grey[y:y + h, x:x + w], (64, 64)).astype(np.float32) / 255.0
        classifier.setInput(((crop - 0.5) * 2.0).reshape(1, 64, 64, 1))
        scores = classifier.forward()[0]
        results.append({"box": [x / image.shape[1], y / image.shape[0], w / image.shape[1], h / image.shape[0]],
                        "emotion": EMOTIONS[int(np.argmax(scores))]})
    return image.shape[1], image.shape[0], results


def main():
    if sys.argv[1] == "once":
        with open(sys.argv[2], "rb") as f:
            print(json.dumps(analyse(f.read())[2]))
        return
    runs = int(sys.argv[2])
    report = {}
    for path in sys.argv[3:]:
        with open(path, "rb") as f:
            data = f.read()
        _, _, faces = analyse(data)  # warm-up
        samples = []
        for _ in range(runs):
            start = time.perf_counter()
            analyse(data)
            samples.append((time.perf_counter() - start) * 1000)
        samples.sort()
        report[path] = {"median": statistics.median(samples), "p95": samples[int(len(samples) * 0.95) - 1], "faces": faces}
    print(json.dumps(report))


main()
