using Moodtunes.Cli.Commands;
using Moodtunes.Vision;

const string usage = """
    usage: moodtunes analyze <photo>          faces, emotions and timings as JSON
           moodtunes eval <folder> [--model <emotion.onnx>]
                                              accuracy on class-named subfolders of face crops
    """;

if (args is not ["analyze", _] and not ["eval", _] and not ["eval", _, "--model", _])
{
    Console.Error.WriteLine(usage);
    return 64;
}

var options = args is [_, _, "--model", var model]
    ? new VisionOptions { EmotionModelFile = Path.GetFullPath(model) }
    : new VisionOptions();
using var pipeline = new VisionPipeline(options);
return args[0] == "analyze"
    ? AnalyzeCommand.Run(pipeline, args[1], Console.Out, Console.Error)
    : EvalCommand.Run(pipeline, args[1], Console.Out);
