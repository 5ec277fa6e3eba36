using System.Reflection;
using Moodtunes.Benchmarks;

// benchmarks/run.sh runs this in Release and pastes the table into README.md.
if (args is ["peak-memory", var photo])
{
    Console.WriteLine(VisionBenchmark.AnalyseAndReportPeak(photo));
    return 0;
}

Console.WriteLine($"Vision pipeline, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd}");
Console.WriteLine();
Console.Write(VisionBenchmark.Run(Assembly.GetExecutingAssembly().Location));
Console.WriteLine();
Console.WriteLine("Against the original team's stack, same photos, same run:");
Console.WriteLine();
using (var pipeline = new Moodtunes.Vision.VisionPipeline(new Moodtunes.Vision.VisionOptions()))
{
    Console.Write(BaselineComparison.Run(pipeline));
}

return 0;
