{#- install.R's GitHub (and, with a DESCRIPTION, other remote) installs. Included by install.R, in its context. #}
{%- if description %}

# Installs a remote: owner/repo[@ref] from GitHub, or type::spec as the
# remotes package writes it (gitlab::, bitbucket::, git::, url::, bioc::).
install_remote <- function(spec) {
  type <- if (grepl("^[a-z]+::", spec)) sub("::.*$", "", spec) else "github"
  spec <- sub("^[a-z]+::", "", spec)
  if (type == "bioc") {
    install_missing("BiocManager", install.packages)
    return(BiocManager::install(sub("^.*[/@]", "", spec), update = FALSE, ask = FALSE))
  }
  install_missing("remotes", install.packages)
  # upgrade = "never": keep the image's packages, only add what is missing.
  getExportedValue("remotes", paste0("install_", type))(spec, upgrade = "never")
}

github_pkgs <- character()
for (spec in github) {
  pkg <- tryCatch(install_remote(spec), error = function(e) {
    message("Could not install ", spec, ": ", conditionMessage(e))
    spec
  })
  github_pkgs <- c(github_pkgs, pkg)
}
{%- else %}

github_pkgs <- character()
if (length(github) > 0) {
  install_missing("remotes", install.packages)
  for (spec in github) {
    # upgrade = "never": keep the image's packages, only add what is missing.
    pkg <- tryCatch(
      remotes::install_github(spec, upgrade = "never"),
      error = function(e) {
        message("Could not install ", spec, " from GitHub: ", conditionMessage(e))
        spec
      }
    )
    github_pkgs <- c(github_pkgs, pkg)
  }
}
{%- endif -%}
