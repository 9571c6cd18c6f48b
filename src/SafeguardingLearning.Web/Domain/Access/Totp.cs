using System.Globalization;
using System.Security.Cryptography;

namespace SafeguardingLearning.Web.Domain.Access;

/// <summary>
/// Time-based one-time passwords (RFC 6238, HMAC-SHA1, 30-second steps, 6 digits), as
/// authenticator apps produce them. A code is accepted within one time step either side of now,
/// and only for a step later than the last one accepted, so a code cannot be used twice.
/// </summary>
public static class Totp
{
    public const int StepSeconds = 30;

    public static long TimeStep(DateTimeOffset now) => now.ToUnixTimeSeconds() / StepSeconds;

    public static string Code(byte[] key, long timeStep, int digits = 6)
    {
        Span<byte> counter = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(counter, timeStep);
        Span<byte> hash = stackalloc byte[20];
#pragma warning disable CA5350 // RFC 6238 and every authenticator app use HMAC-SHA1; its use in HMAC is not weak.
        HMACSHA1.HashData(key, counter, hash);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        var modulus = (int)Math.Pow(10, digits);
        return (binary % modulus).ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0');
    }

    /// <summary>The time step the code matches, or null: within ±1 step and after <paramref name="lastAcceptedStep"/>.</summary>
    public static long? Match(byte[] key, string? code, DateTimeOffset now, long? lastAcceptedStep)
    {
        var typed = new string((code ?? string.Empty).Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());
        if (typed.Length != 6 || !typed.All(char.IsAsciiDigit))
        {
            return null;
        }

        var current = TimeStep(now);
        for (var step = current - 1; step <= current + 1; step++)
        {
            if ((lastAcceptedStep is null || step > lastAcceptedStep)
                && CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(Code(key, step)), System.Text.Encoding.ASCII.GetBytes(typed)))
            {
                return step;
            }
        }

        return null;
    }

    /// <summary>Decodes an authenticator key (RFC 4648 base32, as Identity stores it).</summary>
    public static byte[] DecodeKey(string base32)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var output = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in base32.ToUpperInvariant())
        {
            if (c is '=' or ' ')
            {
                continue;
            }

            var value = alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                throw new FormatException("The authenticator key is not base32");
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                output.Add((byte)((buffer >> bits) & 0xff));
            }
        }

        return [.. output];
    }
}
