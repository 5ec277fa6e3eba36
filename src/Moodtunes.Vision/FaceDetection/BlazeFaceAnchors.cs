namespace Moodtunes.Vision.FaceDetection;

/// <summary>
/// The 896 anchor centres of MediaPipe's front-camera BlazeFace: a 16×16 grid with 2 anchors per
/// cell, then an 8×8 grid with 6, in the order the model's two output heads list them.
/// </summary>
internal static class BlazeFaceAnchors
{
    public static readonly (float X, float Y)[] Grid16 = Build(16, 2);

    public static readonly (float X, float Y)[] Grid8 = Build(8, 6);

    private static (float X, float Y)[] Build(int cells, int perCell)
    {
        var anchors = new (float X, float Y)[cells * cells * perCell];
        var i = 0;
        for (var y = 0; y < cells; y++)
        {
            for (var x = 0; x < cells; x++)
            {
                for (var k = 0; k < perCell; k++)
                {
                    anchors[i++] = ((x + 0.5f) / cells, (y + 0.5f) / cells);
                }
            }
        }

        return anchors;
    }
}
