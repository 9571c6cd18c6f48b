using System.Text;
using SafeguardingLearning.Web.Domain.Access;

namespace SafeguardingLearning.UnitTests.Domain;

public class TotpTests
{
    // RFC 6238 appendix B: the SHA-1 key and its 8-digit codes; the 6-digit code is the last six digits.
    private static readonly byte[] RfcKey = Encoding.ASCII.GetBytes("12345678901234567890");

    [Theory]
    [InlineData(59L, "94287082")]
    [InlineData(1111111109L, "07081804")]
    [InlineData(1234567890L, "89005924")]
    [InlineData(2000000000L, "69279037")]
    public void Codes_match_the_rfc_6238_test_vectors(long unixTime, string expected)
    {
        var step = Totp.TimeStep(DateTimeOffset.FromUnixTimeSeconds(unixTime));

        Assert.Equal(expected, Totp.Code(RfcKey, step, digits: 8));
        Assert.Equal(expected[2..], Totp.Code(RfcKey, step));
    }

    [Fact]
    public void A_code_is_accepted_one_step_either_side_of_now_but_not_two()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);
        var step = Totp.TimeStep(now);

        Assert.Equal(step - 1, Totp.Match(RfcKey, Totp.Code(RfcKey, step - 1), now, null));
        Assert.Equal(step, Totp.Match(RfcKey, Totp.Code(RfcKey, step), now, null));
        Assert.Equal(step + 1, Totp.Match(RfcKey, Totp.Code(RfcKey, step + 1), now, null));
        Assert.Null(Totp.Match(RfcKey, Totp.Code(RfcKey, step - 2), now, null));
        Assert.Null(Totp.Match(RfcKey, Totp.Code(RfcKey, step + 2), now, null));
    }

    [Fact]
    public void A_code_for_a_step_already_used_is_refused()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);
        var step = Totp.TimeStep(now);
        var code = Totp.Code(RfcKey, step);

        Assert.Equal(step, Totp.Match(RfcKey, code, now, lastAcceptedStep: step - 1));
        Assert.Null(Totp.Match(RfcKey, code, now, lastAcceptedStep: step));
        Assert.Null(Totp.Match(RfcKey, Totp.Code(RfcKey, step - 1), now, lastAcceptedStep: step));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("1234567")]
    [InlineData("12a456")]
    public void Malformed_codes_are_refused(string? code)
    {
        Assert.Null(Totp.Match(RfcKey, code, DateTimeOffset.UtcNow, null));
    }

    [Fact]
    public void Spaces_in_a_typed_code_are_ignored()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);
        var code = Totp.Code(RfcKey, Totp.TimeStep(now));

        Assert.NotNull(Totp.Match(RfcKey, $"{code[..3]} {code[3..]}", now, null));
    }

    [Fact]
    public void A_base32_key_decodes_as_authenticator_apps_read_it()
    {
        // "12345678901234567890" in base32 (RFC 4648).
        Assert.Equal(RfcKey, Totp.DecodeKey("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"));
        Assert.Equal(RfcKey, Totp.DecodeKey("gezd gnbv gy3t qojq gezd gnbv gy3t qojq"));
        Assert.Throws<FormatException>(() => Totp.DecodeKey("not base32!"));
    }
}
