namespace SafeguardingLearning.Web.Features.Shared;

/// <summary>Where "home" is, for redirects from other features.</summary>
public static class HomeRoute
{
    public const string Controller = "Home";

    public const string Index = nameof(Index);
}
