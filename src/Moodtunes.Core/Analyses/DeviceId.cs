namespace Moodtunes.Core.Analyses;

/// <summary>
/// The owning device of analyses and saved songs: lower-case hex of SHA-256 of its token (64 characters), given out by
/// <see cref="DeviceIdentity.DeviceIdFor"/> and <see cref="DeviceIdentity.TryParse"/>. A type of its own, with no
/// conversion from string, so a device id and an analysis id cannot be passed in each other's place.
/// </summary>
public readonly record struct DeviceId(string Value)
{
    public override string ToString() => Value;
}
