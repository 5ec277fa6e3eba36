using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Moodtunes.Cli.Commands;
using Moodtunes.Core.Recommendation;
using Moodtunes.Deezer;
using Moodtunes.Vision;

const string usage = """
    usage: moodtunes analyze <photo> [--model <emotion.onnx>]
                                              faces, emotions and timings as JSON
           moodtunes eval <folder> [--model <emotion.onnx>]
                                              accuracy on class-named subfolders of face crops
           moodtunes catalog-check [--deezer <base address>]
                                              looks every catalog song up at Deezer (needs internet) and
                                              lists those without a confident match or a preview (Markdown)
    """;

if (args is ["catalog-check", ..] and (["catalog-check"] or ["catalog-check", "--deezer", _]))
{
    var settings = new Dictionary<string, string?> { ["Deezer:BaseAddress"] = args is [_, _, var address] ? address : null };
    await using var services = new ServiceCollection()
        .AddDeezerMedia(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
        .BuildServiceProvider();
    return await CatalogCheckCommand.RunAsync(
        TrackCatalog.Default, services.GetRequiredService<ITrackMediaResolver>(), Console.Out, CancellationToken.None);
}

if (args is ["redrive", var queueUrl, var bucket]) return await RedriveCommand.RunAsync(queueUrl, bucket, Console.Out);

if (args is not ["analyze" or "eval", _] and not ["analyze" or "eval", _, "--model", _])
{
    Console.Error.WriteLine(usage);
    return 64;
}

if (args is [_, _, "--model", var missing] && !File.Exists(missing))
{
    Console.Error.WriteLine($"emotion model not found: {Path.GetFullPath(missing)}");
    return 66; // EX_NOINPUT
}

var options = args is [_, _, "--model", var model]
    ? new VisionOptions { EmotionModelFile = Path.GetFullPath(model) }
    : new VisionOptions();
using var pipeline = new VisionPipeline(options);
return args[0] == "analyze"
    ? AnalyzeCommand.Run(pipeline, args[1], Console.Out, Console.Error)
    : EvalCommand.Run(pipeline, args[1], Console.Out);
