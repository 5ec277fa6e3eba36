using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Moodtunes.Cli.Commands;
using Moodtunes.Core.Recommendation;
using Moodtunes.Deezer;
using Moodtunes.Vision;

const string usage = """
    usage: moodtunes analyze <photo> [--model <emotion.onnx>]
                                              faces, emotions and timings as JSON
           moodtunes eval <folder> [--photos] [--model <emotion.onnx>]
                                              accuracy on class-named subfolders of face crops, or with
                                              --photos of photos through the whole photo path
           moodtunes framing <folder>
                                              how the faces of a folder sit in their images and detector
                                              boxes (medians), to set the crop from measurements
           moodtunes catalog-check [--deezer <base address>]
                                              looks every catalog song up at Deezer (needs internet) and
                                              lists those without a confident match or a preview (Markdown)
           moodtunes redrive <queue-url> <bucket>
                                              replays the S3 events in the failed-events queue (AWS)
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

if (args is ["redrive", var queueUrl, var bucket])
{
    return await RedriveCommand.RunAsync(queueUrl, bucket, Console.Out);
}

var (command, target, flags) = args is [var c, var t, .. var rest] ? (c, t, rest) : (string.Empty, string.Empty, []);
var photos = flags.Contains("--photos");
var model = flags.SkipWhile(f => f != "--model").Skip(1).FirstOrDefault();
var known = flags.Count(f => f == "--photos") + (model is null ? 0 : 2) == flags.Length;
if (command is not ("analyze" or "eval" or "framing") || !known || (photos && command != "eval"))
{
    Console.Error.WriteLine(usage);
    return 64;
}

if (model is not null && !File.Exists(model))
{
    Console.Error.WriteLine($"emotion model not found: {Path.GetFullPath(model)}");
    return 66; // EX_NOINPUT
}

// The same Vision__* settings as the hosts (e.g. Vision__Crop__Scale), so a sweep can try a setting in eval.
var options = VisionServiceCollectionExtensions.OptionsFrom(new ConfigurationBuilder().AddEnvironmentVariables().Build());
using var pipeline = new VisionPipeline(model is null ? options : options with { EmotionModelFile = Path.GetFullPath(model) });
return command switch
{
    "analyze" => AnalyzeCommand.Run(pipeline, target, Console.Out, Console.Error),
    "framing" => FramingCommand.Run(pipeline, target, Console.Out),
    _ => EvalCommand.Run(pipeline, target, photos, Console.Out),
};
