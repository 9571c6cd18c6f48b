namespace SafeguardingLearning.Web.Domain;

/// <summary>
/// An editable record with a concurrency token, so that two people's edits never silently
/// overwrite each other (PostgreSQL's xmin; a token the app renews on every save on SQLite).
/// </summary>
public interface IVersioned;
