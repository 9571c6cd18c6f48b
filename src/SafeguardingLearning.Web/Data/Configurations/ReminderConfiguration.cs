using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SafeguardingLearning.Web.Domain.Partnerships;
using SafeguardingLearning.Web.Domain.Reminders;

namespace SafeguardingLearning.Web.Data.Configurations;

internal sealed class ReminderConfiguration : IEntityTypeConfiguration<Reminder>
{
    public void Configure(EntityTypeBuilder<Reminder> builder)
    {
        builder.Property(r => r.Subject).HasMaxLength(64).IsRequired();
        builder.Property(r => r.RecipientUserId).HasMaxLength(450).IsRequired();
        builder.Property(r => r.Text).HasMaxLength(300).IsRequired();
        builder.Property(r => r.Link).HasMaxLength(300).IsRequired();

        // The natural key: each reminder exists once, however often and wherever the sweep runs.
        builder.HasIndex(r => new { r.Subject, r.SubjectId, r.Kind, r.DueOn, r.RecipientUserId }).IsUnique();
        builder.HasIndex(r => new { r.RecipientUserId, r.ReadAt });
        builder.HasOne<Partnership>().WithMany().HasForeignKey(r => r.PartnershipId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.RecipientUserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OutboxEmailConfiguration : IEntityTypeConfiguration<OutboxEmail>
{
    public void Configure(EntityTypeBuilder<OutboxEmail> builder)
    {
        builder.Property(e => e.To).HasMaxLength(256).IsRequired();
        builder.Property(e => e.Subject).HasMaxLength(200).IsRequired();
        builder.Property(e => e.Body).HasMaxLength(4000).IsRequired();
        builder.Property(e => e.LastError).HasMaxLength(500);
        builder.HasIndex(e => e.NextAttemptAt);
    }
}

internal sealed class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> builder)
    {
        builder.Property(r => r.Job).HasMaxLength(100).IsRequired();
        builder.Property(r => r.Node).HasMaxLength(200).IsRequired();
        builder.Property(r => r.Outcome).HasMaxLength(500);
        builder.HasIndex(r => new { r.Job, r.StartedAt });
    }
}
