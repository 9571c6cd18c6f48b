# Safeguarding Learning: the web app with Chromium for PDF rendering.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends nodejs npm \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /source
COPY . .
RUN cd src/SafeguardingLearning.Web && npm ci --no-audit --no-fund && node build-assets.mjs
# ReadyToRun: start-up does not wait for the JIT (about half the time to ready, docs/performance.md).
RUN dotnet publish src/SafeguardingLearning.Web -c Release -r "linux-$(dpkg --print-architecture | sed 's/amd64/x64/')" --self-contained false \
    -p:PublishReadyToRun=true -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
RUN apt-get update \
 && apt-get install -y --no-install-recommends chromium fonts-liberation \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_ENVIRONMENT=Production \
    ASPNETCORE_URLS=http://+:8080 \
    Database__Provider=PostgreSql
# The audit trail's anchor file lives on a volume here (docker-compose.yml), writable by the app.
RUN mkdir /anchors && chown app:app /anchors
USER app
EXPOSE 8080
ENTRYPOINT ["dotnet", "SafeguardingLearning.Web.dll"]
