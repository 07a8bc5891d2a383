{#- install.R's part for a project with a DESCRIPTION and no renv.lock: its Depends, Imports and LinkingTo join the lists, its Suggests are optional, and its Remotes say where some come from. Included by install.R, in its context. #}
{#- Why not remotes::install_deps(), as repo2docker's remotes::install_local() does: remotes (2.4.2
    read here, as Debian packages it; the images ship remotes too) looks up every Remotes entry on the
    network before it keeps those of declared packages (deps.R: extra_deps, combine_remote_deps), so one
    unreachable remote of a Suggests package fails the whole build; it installs a bioc:: remote with git
    from git.bioconductor.org, not with BiocManager (install-bioc.R); it reads a DESCRIPTION's first
    record only (dcf.R) and takes "a b" for one name; and a package that does not install is only a
    warning (install.R, R_REMOTES_NO_ERRORS_FROM_WARNINGS), so the check at the end would stay anyway. #}
{%- if description %}

# The packages DESCRIPTION declares join the lists above: Depends, Imports
# and LinkingTo must install; Suggests are optional. Every record counts (a
# blank line starts a new one), and names without commas between them are
# read one by one.
description <- read.dcf("DESCRIPTION")
declared_text <- function(field) {
  values <- if (field %in% colnames(description)) description[, field] else character()
  values[!is.na(values)]
}
declared <- function(field) {
  items <- trimws(unlist(strsplit(declared_text(field), ",")))
  items <- gsub("[(][^)]*[)]", " ", items)  # drop version requirements
  items <- unlist(strsplit(trimws(items), "[[:space:]]+"))
  items[!is.na(items) & nzchar(items)]
}
built_in <- c("R", rownames(installed.packages(priority = "base")))
required <- setdiff(c(declared("Depends"), declared("Imports"), declared("LinkingTo")), built_in)
optional <- union(optional, setdiff(declared("Suggests"), c(built_in, required)))

# Remotes say where some of them come from, in the remotes package's syntax:
# [name=][type::]spec, type github (the default: owner/repo[/subdir][@ref or
# #pr]), gitlab, bitbucket, git, bioc ([release/, devel/ or 3.x/]Name), url
# or local. Only remotes for packages named above are installed.
remote_name <- function(spec) {
  named <- regmatches(spec, regexec("^(?:[a-z]+::)?([A-Za-z][A-Za-z0-9.]*)=", spec,
                                    perl = TRUE))[[1]]
  if (length(named) > 0) return(named[2])
  type <- if (grepl("^[a-z]+::", spec)) sub("::.*$", "", spec) else "github"
  spec <- sub("^[a-z]+::", "", spec)
  switch(type,
    bioc = sub("^.*/", "", sub("^.*@", "", spec)),
    url = , local = sub("(_[^_]*)?[.](tar[.]gz|tgz|zip)$", "", basename(spec)),
    git = , svn = sub("[.]git$", "", sub("^.*[/:]", "", sub("/$", "", spec))),
    # owner/repo[/subdir]: named after the repository, far more often than
    # after a subfolder such as r/.
    strsplit(sub("[@#].*$", "", spec), "/")[[1]][2])
}
remotes <- trimws(unlist(strsplit(declared_text("Remotes"), ",")))
remotes <- remotes[nzchar(remotes)]
names(remotes) <- vapply(remotes, remote_name, character(1))
remotes <- remotes[names(remotes) %in% c(required, optional)]
for (name in names(remotes)) {
  spec <- sub("^([a-z]+::)?[A-Za-z][A-Za-z0-9.]*=", "\\1", remotes[[name]])
  type <- if (grepl("^[a-z]+::", spec)) sub("::.*$", "", spec) else "github"
  if (type == "local") {
    message("Remotes: ", spec, " is a local path, which is not in the image: skipped")
  } else if (name %in% required && type == "bioc") {
    bioc <- union(bioc, name)
  } else if (name %in% required) {
    github <- union(github, spec)
  } else {
    optional_remotes[name] <- spec
  }
}
if ("biocViews" %in% colnames(description)) {
  # A Bioconductor package: BiocManager installs its dependencies, from
  # Bioconductor or CRAN, whichever has them.
  bioc <- union(bioc, setdiff(required, names(remotes)))
} else {
  cran <- union(cran, setdiff(required, names(remotes)))
}
optional <- setdiff(optional, c(names(remotes), cran, bioc))
{%- endif -%}
