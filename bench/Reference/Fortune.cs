using Microsoft.EntityFrameworkCore;

namespace SafeguardingLearning.Reference;

public sealed class Fortune
{
    public int Id { get; set; }

    public string Message { get; set; } = string.Empty;

    /// <summary>The twelve fortunes of the TechEmpower test, one of them with markup that must be escaped.</summary>
    public static async Task SeedAsync(FortuneDb db)
    {
        await db.Database.EnsureCreatedAsync();
        if (await db.Fortunes.AnyAsync())
        {
            return;
        }

        string[] messages =
        [
            "fortune: No such file or directory",
            "A computer scientist is someone who fixes things that aren't broken.",
            "After enough decimal places, nobody gives a damn.",
            "A bad random number generator: 1, 1, 1, 1, 1, 4.33e+67, 1, 1, 1",
            "A computer program does what you tell it to do, not what you want it to do.",
            "Emacs is a nice operating system, but I prefer UNIX. — Tom Christaensen",
            "Any program that runs right is obsolete.",
            "A list is only as strong as its weakest link. — Donald Knuth",
            "Feature: A bug with seniority.",
            "Computers make very fast, very accurate mistakes.",
            "<script>alert(\"This should not be displayed in a browser alert box.\");</script>",
            "フレームワークのベンチマーク",
        ];
        db.Fortunes.AddRange(messages.Select((m, i) => new Fortune { Id = i + 1, Message = m }));
        await db.SaveChangesAsync();
    }
}

public sealed class FortuneDb(DbContextOptions<FortuneDb> options) : DbContext(options)
{
    public DbSet<Fortune> Fortunes => Set<Fortune>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<Fortune>(fortune =>
        {
            fortune.ToTable("fortune");
            fortune.Property(f => f.Id).HasColumnName("id").ValueGeneratedNever();
            fortune.Property(f => f.Message).HasColumnName("message").HasMaxLength(2048);
        });
}
