"""Link authoring partners typed as names to the partner profiles of the same name.

Resources written before partner profiles existed name their authors as text.
This links each such name to the profile with that title in the resource's own
language, keeping the name, and updates each page's latest revision as well, so
the link is still there when an editor next opens the page. Used by the
migration that added the chooser (with historical models) and by the demo loader.
"""


def link_names_to_partner_pages(author_model, partner_model, revision_model):
    """Link every unlinked name that matches a partner's title (ignoring case); returns how many were linked."""
    partner_ids = {}
    for partner_id, locale_id, title in partner_model.objects.values_list("pk", "locale", "title"):
        partner_ids.setdefault((locale_id, title.strip().casefold()), partner_id)

    links_by_page = {}
    unlinked = author_model.objects.filter(partner__isnull=True).values_list("pk", "page", "page__locale", "name")
    for author_id, page_id, locale_id, name in unlinked:
        partner_id = partner_ids.get((locale_id, name.strip().casefold()))
        if partner_id:
            author_model.objects.filter(pk=author_id).update(partner_id=partner_id)
            links_by_page.setdefault(page_id, {})[author_id] = partner_id

    page_model = author_model._meta.get_field("page").related_model
    latest = page_model.objects.filter(pk__in=links_by_page).values_list("pk", "latest_revision")
    for page_id, revision_id in latest:
        revision = revision_model.objects.filter(pk=revision_id).first()
        if revision is None:
            continue
        links = links_by_page[page_id]
        for author in revision.content.get("authoring_partners", []):
            if author.get("pk") in links and not author.get("partner"):
                author["partner"] = links[author["pk"]]
        revision.save(update_fields=["content"])
    return sum(len(links) for links in links_by_page.values())
