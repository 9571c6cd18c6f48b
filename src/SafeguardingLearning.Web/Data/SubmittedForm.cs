using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SafeguardingLearning.Web.Data;

/// <summary>
/// A create form that has been saved, by the key it was shown with, and the record it created: the
/// unique key makes a second submission of the same form find the first one's record instead of
/// creating another. Keys are random and name nothing, so the table holds nothing worth hiding.
/// </summary>
public sealed class SubmittedForm
{
    private SubmittedForm()
    {
    }

    public SubmittedForm(Guid key, Guid recordId, DateTime createdAt)
    {
        Key = key;
        RecordId = recordId;
        CreatedAt = createdAt;
    }

    public Guid Key { get; private set; }

    public Guid RecordId { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public static Task<Guid?> RecordFor(AppDbContext db, Guid key) =>
        db.Set<SubmittedForm>().Where(s => s.Key == key).Select(s => (Guid?)s.RecordId).SingleOrDefaultAsync();
}

internal sealed class SubmittedFormConfiguration : IEntityTypeConfiguration<SubmittedForm>
{
    public void Configure(EntityTypeBuilder<SubmittedForm> builder) => builder.HasKey(s => s.Key);
}
