namespace Moodtunes.Testing;

/// <summary>Real photos from Debian packages, extracted by scripts/fetch-test-photos.sh.</summary>
public static class TestPhotos
{
    /// <summary>One smiling face (NASA portrait of Eileen Collins, scikit-image sample data).</summary>
    public const string Astronaut = "astronaut.png";

    /// <summary>One face, neutral expression (facedetect example).</summary>
    public const string GraceHopper = "grace_hopper_512x512.jpg";

    /// <summary>A cat: no human face.</summary>
    public const string Cat = "chelsea.png";

    /// <summary>A coffee cup: no face.</summary>
    public const string Coffee = "coffee.png";

    public static string PathOf(string name)
    {
        var path = Path.Combine(RepositoryPaths.Root, "tests", "photos", name);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"Test photo {name} is missing: run scripts/fetch-test-photos.sh.", path);
    }

    public static byte[] Read(string name) => File.ReadAllBytes(PathOf(name));
}
