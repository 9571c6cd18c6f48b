# Safeguarding Learning: the web app with Chromium for PDF rendering.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends nodejs npm \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /source
COPY . .
RUN cd src/SafeguardingLearning.Web && npm ci --no-audit --no-fund && node build-assets.mjs
RUN dotnet publish src/SafeguardingLearning.Web -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
RUN apt-get update \
 && apt-get install -y --no-install-recommends chromium fonts-liberation \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_ENVIRONMENT=Production \
    ASPNETCORE_URLS=http://+:8080 \
    Database__Provider=PostgreSql
USER app
EXPOSE 8080
ENTRYPOINT ["dotnet", "SafeguardingLearning.Web.dll"]
