using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SafeguardingLearning.Web.Domain.Calendar;

namespace SafeguardingLearning.Web.Data.Configurations;

internal sealed class BankHolidayConfiguration : IEntityTypeConfiguration<BankHoliday>
{
    public void Configure(EntityTypeBuilder<BankHoliday> builder)
    {
        builder.HasKey(h => h.Date);
        builder.Property(h => h.Title).HasMaxLength(200).IsRequired();
    }
}
