using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using SkiaSharp;

// usage: OrtCheck <model.onnx> [--reference <model.onnx.reference.json>] [--iterations N] [--threads T]
// Loads the model with the app's session options (VisionPipeline: 1 intra-op thread by default, ORT_ENABLE_ALL),
// checks the interface ([N,64,64,1] in, [N,7] out), compares with PyTorch's outputs from export_onnx.py and
// times one face per call (the app's usual case) and a batch of 8 faces.
// OrtCheck --preprocess <list.txt> <out.f32>: each image named in list.txt (one path a line) drawn and converted
// exactly as the app does (FaceCropper.DrawWhole + EmotionClassifier.WriteGrey), float32 [N,64,64] raw.
if (args is ["--preprocess", var listFile, var outFile])
{
    await using var output = File.Create(outFile);
    using var crop = new SKBitmap(new SKImageInfo(64, 64, SKColorType.Rgba8888, SKAlphaType.Premul));
    using var canvas = new SKCanvas(crop);
    var grey = new float[64 * 64];
    foreach (var path in await File.ReadAllLinesAsync(listFile))
    {
        using var bitmap = SKBitmap.Decode(path);
        using var source = SKImage.FromBitmap(bitmap);
        canvas.DrawImage(source, SKRect.Create(64, 64), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        canvas.Flush();
        var rgba = crop.GetPixelSpan();
        for (int p = 0, i = 0; p < grey.Length; p++, i += 4)
        {
            var g = ((0.2989f * rgba[i]) + (0.5870f * rgba[i + 1]) + (0.1140f * rgba[i + 2])) / 255f;
            grey[p] = (g - 0.5f) * 2f;
        }

        output.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(grey.AsSpan()));
    }

    return 0;
}

if (args.Length < 1)
{
    await Console.Error.WriteLineAsync("usage: OrtCheck <model.onnx> [--reference <json>] [--iterations N] [--threads T]");
    return 64;
}

var modelPath = args[0];
string? referencePath = null;
var iterations = 300;
var threads = 1;
for (var i = 1; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--reference": referencePath = args[i + 1]; break;
        case "--iterations": iterations = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        case "--threads": threads = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        default: await Console.Error.WriteLineAsync($"unknown option {args[i]}"); return 64;
    }
}

using var options = new SessionOptions
{
    IntraOpNumThreads = threads,
    InterOpNumThreads = 1,
    GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
    LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
};
using var session = new InferenceSession(modelPath, options);
var inputName = session.InputMetadata.Keys.Single();
var outputName = session.OutputMetadata.Keys.First();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"ONNX Runtime: input {inputName} [{string.Join(",", session.InputMetadata[inputName].Dimensions)}], output {outputName} [{string.Join(",", session.OutputMetadata[outputName].Dimensions)}]"));
var status = 0;

if (referencePath is not null)
{
    using var doc = JsonDocument.Parse(await File.ReadAllBytesAsync(referencePath));
    var shape = doc.RootElement.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()).ToArray();
    var input = doc.RootElement.GetProperty("input").EnumerateArray().Select(e => e.GetSingle()).ToArray();
    var expected = doc.RootElement.GetProperty("output").EnumerateArray().Select(e => e.GetSingle()).ToArray();
    var got = RunBatch(session, inputName, new DenseTensor<float>(input, shape));
    var maxDiff = got.Zip(expected, (a, b) => Math.Abs(a - b)).Max();
    var n = shape[0];
    var agree = Enumerable.Range(0, n).Count(i => ArgMax(got, i) == ArgMax(expected, i));
    var ok = maxDiff < 1e-4 && agree == n;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"vs PyTorch on {n} inputs: max abs diff {maxDiff:E3}, argmax agreement {agree}/{n} -> {(ok ? "OK" : "MISMATCH")}"));
    status = ok ? 0 : 1;
}

foreach (var batch in new[] { 1, 8 })
{
    var x = new DenseTensor<float>([batch, 64, 64, 1]);
    var rng = new Random(1);
    for (var i = 0; i < x.Length; i++)
    {
        x.Buffer.Span[i] = (float)((rng.NextDouble() * 2) - 1);
    }

    for (var i = 0; i < 20; i++)
    {
        RunBatch(session, inputName, x);
    }

    var times = new double[iterations];
    for (var i = 0; i < iterations; i++)
    {
        var clock = Stopwatch.StartNew();
        RunBatch(session, inputName, x);
        times[i] = clock.Elapsed.TotalMilliseconds / batch;
    }

    Array.Sort(times);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"latency per face, batch {batch}, {threads} thread(s), {iterations} runs: median {times[iterations / 2]:F3} ms, p90 {times[iterations * 9 / 10]:F3} ms, min {times[0]:F3} ms"));
}

return status;

static float[] RunBatch(InferenceSession session, string inputName, DenseTensor<float> x)
{
    using var outputs = session.Run([NamedOnnxValue.CreateFromTensor(inputName, x)]);
    return [.. outputs[0].AsEnumerable<float>()];
}

static int ArgMax(float[] values, int row)
{
    var best = 0;
    for (var k = 1; k < 7; k++)
    {
        if (values[(row * 7) + k] > values[(row * 7) + best])
        {
            best = k;
        }
    }

    return best;
}
