# cython: language_level=3
"""The block walk of :mod:`articlex.page`, compiled: the same walk over libxml2's nodes, through
lxml's public C API, without an lxml element object for every node nor a Python step a node.

:func:`articlex.page._walk_python` is the reference: this walk gives the same blocks, links and
index (``tests/test_walk_compiled.py`` compares the two). It builds the blocks itself
(:class:`_Blocks`, the same steps as ``page._Builder``) and calls Python only for the skip rule,
asked about each element that may be skipped (a skipped tag, or attributes that may hide).

Two checks of :mod:`articlex.loading` are here too, with their Python forms kept there as the
reference: :func:`tree_shape` (element count and depth in one pass) and
:func:`may_hold_crowded_tag` (a pre-check that spares most pages the crowded-tag scan).

Built only where a C compiler is found (``setup.py``); articlex runs the Python walk otherwise,
when ``ARTICLEX_PURE_PYTHON`` is set, or when the installed lxml is not the one this module was
compiled against (lxml's C API is only stable within one version).
"""

cimport lxml.includes.etreepublic as cetree
from lxml.includes cimport tree
from lxml.includes.tree cimport xmlAttr, xmlNode
from libc.string cimport strcmp

from lxml import etree as _etree

cdef extern from "Python.h":
    Py_ssize_t PyUnicode_FindChar(object text, Py_UCS4 ch, Py_ssize_t start, Py_ssize_t end, int direction) except -2
    int PyUnicode_KIND(object text)
    void* PyUnicode_DATA(object text)
    Py_UCS4 PyUnicode_READ(int kind, void* data, Py_ssize_t index) noexcept
    bint Py_UNICODE_ISSPACE(Py_UCS4 ch) noexcept

BUILT_WITH_LXML = (<bytes>cetree.LXML_VERSION_STRING).decode("ascii")
"""The lxml version whose headers this module was compiled with."""
if _etree.__version__ != BUILT_WITH_LXML:
    raise ImportError(f"articlex._walk was compiled against lxml {BUILT_WITH_LXML}, "
                      f"lxml {_etree.__version__} is installed")
cetree.import_lxml__etree()

WALK_API = 2
"""The interface :mod:`articlex.page` and :mod:`articlex.loading` call (2: the walk builds the
blocks and returns them; ``markup_facts``). A module built from older sources says another
number, or none, and is not used."""


cdef inline xmlNode* _first_child(xmlNode* c_node) noexcept:
    """The first child lxml shows (an element, comment, processing instruction or entity)."""
    c_node = c_node.children
    while c_node is not NULL and not cetree._isElement(c_node):
        c_node = c_node.next
    return c_node


cdef inline xmlNode* _next_sibling(xmlNode* c_node) noexcept:
    c_node = c_node.next
    while c_node is not NULL and not cetree._isElement(c_node):
        c_node = c_node.next
    return c_node


cdef enum:
    MAX_NAMES = 32  # attribute names the walk can read (it reads 11)
    TAG_SLOTS = 64  # tag names remembered by the address of libxml2's copy (a page uses a few dozen)

cdef enum:
    TOKEN = 1       # indexed (selectors.TOKEN_ATTRIBUTES)
    WHOLE = 2       # indexed by its whole value (selectors.WHOLE_VALUE_ATTRIBUTES)
    HIDING = 4      # read by page._hides (page.HIDING_ATTRIBUTES)
    CLASS = 8       # hides only when its value holds one of page.HIDDEN_CLASS_PARTS


cdef inline bint _clean(str raw) noexcept:
    """Whether ``raw`` is its own ``" ".join(raw.split())``: no white space at either end, and
    none inside but single spaces."""
    cdef Py_ssize_t size = len(raw), i
    cdef int kind = PyUnicode_KIND(raw)
    cdef void* data = PyUnicode_DATA(raw)
    cdef Py_UCS4 c
    cdef bint after_space = True  # at the start, a space would be a leading one
    for i in range(size):
        c = PyUnicode_READ(kind, data, i)
        if c == u' ':
            if after_space:
                return False
            after_space = True
        elif Py_UNICODE_ISSPACE(c):
            return False
        else:
            after_space = False
    return not after_space or size == 0


cdef class _Offsets:
    """Where offsets into a raw text fall once its white space is collapsed, for a set of
    offsets asked together: one scan of the text, whatever their number. At ``pos``, the
    collapsed text of ``raw[:pos]`` (its non-space characters and one space between words),
    one more when a space precedes ``pos`` and a word follows it: ``page._collapsed_offset``."""

    cdef dict found

    def __init__(self, str raw, list wanted):
        cdef Py_ssize_t size = len(raw), last = size, i = 0, solid = 0, words = 0, k = 0, pos, value
        cdef Py_ssize_t count = len(wanted)
        cdef int kind = PyUnicode_KIND(raw)
        cdef void* data = PyUnicode_DATA(raw)
        cdef bint space = True
        while last > 0 and Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, last - 1)):
            last -= 1
        self.found = {}
        positions = sorted(set(wanted))
        count = len(positions)
        while k < count:
            pos = positions[k]
            while i < pos:
                if Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i)):
                    space = True
                else:
                    solid += 1
                    if space:
                        words += 1
                    space = False
                i += 1
            value = solid + (words - 1 if words > 1 else 0)
            if solid and pos > 0 and Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, pos - 1)) and pos < last:
                value += 1
            self.found[pos] = value
            k += 1

    cdef Py_ssize_t at(self, Py_ssize_t pos):
        return self.found[pos]


cdef class _Blocks:
    """``page._Builder`` in C: inline text gathered between block boundaries into blocks, with
    the links inside them. Same steps, same results; the Python builder is the reference."""

    cdef list blocks, parts, chunks, links, open_links
    cdef Py_ssize_t size
    cdef dict texts
    cdef object base_url, make_block, make_link, no_links, collapse
    cdef frozenset standalone
    cdef Py_ssize_t shared_chars, max_shared, pieces_joined

    def __init__(self, base_url, rules):
        self.base_url = base_url
        self.make_block, self.make_link, self.no_links = rules.block, rules.link, rules.no_links
        self.standalone = rules.standalone_tags
        self.shared_chars, self.max_shared = rules.shared_chars, rules.max_shared_texts
        self.pieces_joined = rules.pieces_joined
        self.collapse = rules.collapse
        self.blocks, self.parts, self.chunks, self.links, self.open_links = [], [], [], [], []
        self.size = 0
        self.texts = {}

    cdef inline void add(self, str text) except *:
        cdef list parts = self.parts
        if text:
            parts.append(text)
            self.size += len(text)
            if len(parts) >= self.pieces_joined:
                self.chunks.append("".join(parts[:-1]))
                del parts[:-1]

    cdef inline void open_link(self, href) except *:
        self.open_links.append((href, self.size))

    cdef inline void close_link(self) except *:
        if self.open_links:
            href, start = self.open_links.pop()
            self.links.append((href, start, self.size))

    cdef inline bint holds(self) noexcept:
        """Whether a flush would change anything (text, or links closed or open)."""
        return self.size > 0 or len(self.open_links) > 0 or len(self.links) > 0

    cdef str shared(self, str text):
        """page._shared: the copy of a short text already kept."""
        if len(text) > self.shared_chars:
            return text
        kept = self.texts.get(text)
        if kept:
            return kept
        if len(self.texts) < self.max_shared:
            return self.texts.setdefault(text, text)
        return text

    cdef void flush(self, owner, str tag, bint in_quote) except *:
        """The text gathered so far made a block of ``owner`` (tag ``tag``; None, None: the page)."""
        if not self.size:
            if self.open_links:
                self.open_links = [(href, 0) for href, _ in self.open_links]
            self.links = []
            return
        if self.open_links:
            href, start = self.open_links[-1]
            if self.size > start:
                self.links.append((href, start, self.size))
            self.open_links = [(href, 0) for href, _ in self.open_links]
        pieces = self.chunks + self.parts if self.chunks else self.parts
        cdef str raw = "".join(pieces) if len(pieces) > 1 else pieces[0]
        self.parts, self.size = [], 0
        if self.chunks:
            self.chunks = []
        cdef bint clean = _clean(raw)
        cdef str text = raw if clean else self.collapse(raw)
        cdef Py_ssize_t linked = 0
        if text:
            text = self.shared(text)
            links = self.link_refs(raw, text, clean) if self.links else self.no_links
            for link in links:
                linked += len(link.text)
            if tag is None:
                tag = "div"
            # TextBlock.link_density worked out here, as it would be when first asked.
            self.blocks.append(self.make_block(len(self.blocks), text, tag, owner, links, in_quote,
                                               None, tag in self.standalone, None,
                                               min(1.0, linked / len(text))))
        self.links = []

    cdef object link_refs(self, str raw, str text, bint clean):
        """page._Builder._link_refs: the links, their offsets moved to the collapsed text."""
        cdef list found = []
        cdef _Offsets offsets = None if clean else _Offsets(raw, [start for _, start, _ in self.links])
        cdef Py_ssize_t start, end, at
        for href, start, end in self.links:
            link_text = raw[start:end].strip() if clean else self.collapse(raw[start:end])
            if link_text:
                link_text = text if len(link_text) == len(text) else self.shared(link_text)
                at = start if clean else offsets.at(start)
                found.append(self.make_link(link_text, href, at, at + len(link_text), self.base_url))
        return found or self.no_links


cdef class _Walk:
    """One walk's state: the rules from page.py and the builder's methods, looked up once."""

    cdef object doc, skips, shown, swallowed
    cdef _Blocks builder
    cdef frozenset skip_tags
    cdef dict block_tags
    cdef tuple class_parts
    cdef dict tokens, order, by_attr
    cdef bint indexing
    cdef list owners, owner_tags
    cdef int quote_depth
    cdef list names, encoded
    cdef const char* c_names[MAX_NAMES]
    cdef int flags[MAX_NAMES]
    cdef int name_count
    cdef list gathered, tags, encoded_tags
    cdef const unsigned char* slot_names[TAG_SLOTS]
    cdef list slot_tags
    cdef list key_cache
    cdef const char* c_tags[MAX_NAMES]
    cdef int tag_count
    cdef bint gathering

    def __init__(self, root, base_url, index, skips, shown, swallowed, rules, gathered):
        self.doc = (<cetree._Element>root)._doc
        self.builder = _Blocks(base_url, rules)
        self.skips, self.shown, self.swallowed = skips, shown, swallowed
        self.skip_tags, self.block_tags, self.class_parts = rules.skip_tags, rules.block_tags, rules.hidden_class_parts
        self.name_rules(rules.hiding_attributes, rules.token_attributes, rules.whole_value_attributes)
        self.indexing = index is not None
        if self.indexing:
            self.tokens, self.order, self.by_attr = index.tokens, index.order, index.by_attr
        self.gathering = gathered is not None
        self.gathered = gathered
        self.tag_rules(rules.gathered_tags)
        self.owners, self.owner_tags = [], []
        self.quote_depth = 0
        self.slot_tags = [None] * TAG_SLOTS
        for i in range(TAG_SLOTS):
            self.slot_names[i] = NULL
        self.key_cache = [{} for _ in range(self.name_count)]

    cdef void name_rules(self, hiding_attrs, token_attrs, whole_value) except *:
        """The attribute names the walk reads, with what each is for, compared in C."""
        self.names = sorted(set(hiding_attrs) | set(token_attrs))
        if len(self.names) > MAX_NAMES:
            raise ValueError(f"articlex._walk reads at most {MAX_NAMES} attribute names")
        self.encoded = [name.encode("utf-8") for name in self.names]
        self.name_count = len(self.names)
        for i, name in enumerate(self.names):
            self.c_names[i] = <const char*>self.encoded[i]
            self.flags[i] = ((TOKEN if name in token_attrs else 0) | (WHOLE if name in whole_value else 0)
                             | (HIDING if name in hiding_attrs else 0) | (CLASS if name == "class" else 0))

    cdef void tag_rules(self, gathered_tags) except *:
        """The tags whose elements the walk gathers, compared in C."""
        self.tags = sorted(gathered_tags)
        if len(self.tags) > MAX_NAMES:
            raise ValueError(f"articlex._walk gathers at most {MAX_NAMES} tags")
        self.encoded_tags = [tag.encode("utf-8") for tag in self.tags]
        self.tag_count = len(self.tags)
        for i in range(self.tag_count):
            self.c_tags[i] = <const char*>self.encoded_tags[i]

    cdef object gather(self, xmlNode* c_node, object el):
        """(tag, element) added to the gathered list when the element is one of the gathered
        tags (outside any namespace, as ``root.iter(tag)`` reads a tag); the element returned,
        made when it was needed."""
        cdef int i
        if c_node.ns is not NULL:
            return el
        for i in range(self.tag_count):
            if strcmp(<const char*>c_node.name, self.c_tags[i]) == 0:
                if el is None:
                    el = self.element(c_node)
                self.gathered.append((self.tags[i], el))
                break
        return el

    cdef inline int name_of(self, xmlAttr* c_attr) noexcept:
        """The attribute's place among the names read, -1 when it is not one of them (an
        attribute in a namespace never is: its name would read '{uri}name')."""
        cdef int i
        if c_attr.type != tree.XML_ATTRIBUTE_NODE or c_attr.ns is not NULL:
            return -1
        for i in range(self.name_count):
            if strcmp(<const char*>c_attr.name, self.c_names[i]) == 0:
                return i
        return -1

    cdef int flags_of(self, xmlNode* c_node) noexcept:
        """What the element's attributes are for, all together (0 for an element without any)."""
        cdef xmlAttr* c_attr = c_node.properties
        cdef int found = 0, i
        while c_attr is not NULL:
            i = self.name_of(c_attr)
            if i >= 0:
                found |= self.flags[i]
            c_attr = c_attr.next
        return found

    cdef void flush_block(self, bint in_quote) except *:
        """The builder's flush for the innermost owner, called only when the builder holds
        something: with no text and no link pending, flush would change nothing."""
        if self.builder.holds():
            if self.owners:
                self.builder.flush(self.owners[-1], self.owner_tags[-1], in_quote)
            else:
                self.builder.flush(None, None, in_quote)

    cdef object element(self, xmlNode* c_node):
        return cetree.elementFactory(self.doc, c_node)

    cdef object tag_of(self, xmlNode* c_node):
        """The element's tag as lxml gives it, one string a name: libxml2 keeps one copy of each
        name a document uses, and the tree does not change during the walk, so the address of
        the name stands for it."""
        cdef size_t slot
        if c_node.ns is not NULL:
            return cetree.namespacedName(c_node)
        slot = (<size_t>c_node.name >> 3) % TAG_SLOTS
        if self.slot_names[slot] != c_node.name:
            self.slot_tags[slot] = cetree.namespacedName(c_node)
            self.slot_names[slot] = c_node.name
        return self.slot_tags[slot]

    cdef bint might_hide(self, xmlNode* c_node) except -1:
        """True for every element page._hides may find hiding (a cheap superset): one with a
        hiding attribute other than a class, or a class holding a hidden-class part."""
        cdef xmlAttr* c_attr = c_node.properties
        cdef int i
        while c_attr is not NULL:
            i = self.name_of(c_attr)
            if i >= 0 and self.flags[i] & HIDING:
                if not self.flags[i] & CLASS:
                    return True
                value = cetree.attributeValue(c_node, c_attr)
                if value:
                    for part in self.class_parts:
                        if part in value:
                            return True
            c_attr = c_attr.next
        return False

    cdef object index(self, xmlNode* c_node, object el):
        """selectors.Index.add, on the index's own tables, reading only the indexed attributes'
        values; the element object (``el``, None when not made yet) is made only for an element
        that has one."""
        cdef dict tokens = self.tokens
        cdef xmlAttr* c_attr = c_node.properties
        cdef int i
        while c_attr is not NULL:
            i = self.name_of(c_attr)
            if i >= 0 and self.flags[i] & TOKEN:
                value = cetree.attributeValue(c_node, c_attr)
                if value:
                    if el is None:
                        el = self.element(c_node)
                    if el not in self.order:
                        self.order[el] = len(self.order)
                    keys = self.keys(i, value)
                    for key in keys:
                        found = tokens.get(key)
                        if found is None:
                            found = tokens[key] = [el]
                            self.table(i)[key[1]] = found
                        else:
                            found.append(el)
            c_attr = c_attr.next
        return el

    cdef dict table(self, int i):
        """Index.by_attr's table of attribute ``i``, made when its first token comes."""
        attr = self.names[i]
        found = self.by_attr.get(attr)
        if found is None:
            found = self.by_attr[attr] = {}
        return found

    cdef tuple keys(self, int i, str value):
        """The index keys (attribute, token) of attribute ``i``'s value, worked out once a walk
        for each value (class strings repeat across a page)."""
        cdef dict known = self.key_cache[i]
        keys = known.get(value)
        if keys is None:
            attr = self.names[i]
            words = [value.strip().lower()] if self.flags[i] & WHOLE else value.lower().split()
            keys = tuple([(attr, word) for word in words])
            known[value] = keys
        return keys

    cdef void pass_over(self, xmlNode* top):
        """Every element under ``top`` indexed and gathered, in document order (a skipped subtree)."""
        cdef xmlNode* c_node = _first_child(top)
        cdef xmlNode* after
        while c_node is not NULL:
            if c_node.type == tree.XML_ELEMENT_NODE:
                el = None
                if self.indexing and c_node.properties is not NULL and self.flags_of(c_node) & TOKEN:
                    el = self.index(c_node, None)
                if self.gathering:
                    self.gather(c_node, el)
            after = _first_child(c_node)
            if after is NULL:
                while c_node is not top:
                    after = _next_sibling(c_node)
                    if after is not NULL:
                        break
                    c_node = c_node.parent
                if c_node is top:
                    return
            c_node = after

    cdef bint start(self, xmlNode* c_node):
        """The walk entering an element; False when its subtree is skipped."""
        cdef int flags = 0
        el = None
        tag = self.tag_of(c_node)
        if self.gathering:
            el = self.gather(c_node, el)
        if c_node.properties is not NULL:
            flags = self.flags_of(c_node)
            if self.indexing and flags & TOKEN:
                el = self.index(c_node, el)
        if tag in self.skip_tags or flags & HIDING and self.might_hide(c_node):
            if el is None:
                el = self.element(c_node)
            items = cetree.collectAttributes(c_node, 3) if c_node.properties is not NULL else []
            if self.skips(el, tag, items, self.shown, self.swallowed):
                if self.indexing or self.gathering:
                    self.pass_over(c_node)
                return False
        name = self.block_tags.get(tag)
        if name is not None:
            if el is None:
                el = self.element(c_node)
            self.flush_block(self.quote_depth > 0)
            self.owners.append(el)
            self.owner_tags.append(name)
            if tag == "blockquote":
                self.quote_depth += 1
        elif tag == "a":
            self.builder.open_link(cetree.attributeValueFromNsName(c_node, NULL, <const unsigned char*>"href"))
        text = cetree.textOf(c_node)
        if text is not None:
            self.builder.add(text)
        return True

    cdef void end(self, xmlNode* c_node, bint walked):
        """The walk leaving an element (``walked``: its subtree was not skipped)."""
        if walked:
            tag = self.tag_of(c_node)
            name = self.block_tags.get(tag)
            if name is not None:
                el = self.element(c_node)
                if self.builder.holds():
                    self.builder.flush(el, name, self.quote_depth > 0)
                if self.owners and self.owners[-1] is el:
                    self.owners.pop()
                    self.owner_tags.pop()
                if tag == "blockquote":
                    self.quote_depth -= 1
            elif tag == "a":
                self.builder.close_link()
        self.tail(c_node)

    cdef void tail(self, xmlNode* c_node):
        text = cetree.tailOf(c_node)
        if text is not None:
            self.builder.add(text)

    cdef bint run(self, xmlNode* top, object over, int check_every):
        """Depth first from ``top`` as lxml's iterwalk goes: comments and processing
        instructions give their tail; entity nodes, nothing. Every ``check_every`` nodes,
        ``over()`` is asked whether the reading time is spent; True when the walk stopped so."""
        cdef xmlNode* c_node = top
        cdef xmlNode* after
        cdef bint walked
        cdef bint stopped = False
        cdef int countdown = check_every
        while True:
            countdown -= 1
            if countdown <= 0:
                countdown = check_every
                if over():
                    stopped = True
                    break
            after = NULL
            walked = True
            if c_node.type == tree.XML_ELEMENT_NODE:
                walked = self.start(c_node)
                if walked:
                    after = _first_child(c_node)
            elif c_node.type == tree.XML_COMMENT_NODE or c_node.type == tree.XML_PI_NODE:
                self.tail(c_node)
            if after is not NULL:
                c_node = after
                continue
            # c_node is done: end it, then its ancestors as long as they have no next sibling.
            if c_node.type == tree.XML_ELEMENT_NODE:
                self.end(c_node, walked)
            while c_node is not top:
                after = _next_sibling(c_node)
                if after is not NULL:
                    break
                c_node = c_node.parent
                self.end(c_node, True)
            if c_node is top:
                break
            c_node = after
        if self.owners:
            self.builder.flush(self.owners[-1], self.owner_tags[-1], False)
        else:
            self.builder.flush(None, None, False)
        return stopped


def walk(root, base_url, index, skips, shown, swallowed, rules, over, int check_every, gathered=None):
    """page._walk_python's walk of ``root``, filling ``index`` and ``gathered`` when given: (the
    blocks, True when ``over()`` stopped it before the end)."""
    cdef _Walk state = _Walk(root, base_url, index, skips, shown, swallowed, rules, gathered)
    stopped = state.run((<cetree._Element>root)._c_node, over, check_every)
    return state.builder.blocks, stopped


def tree_shape(root, int depth):
    """(elements in ``root``'s document, whether one sits deeper than ``depth``, the document
    element at depth 1): what ``count(//*)`` and ``boolean(/*/*...)`` tell loading, in one
    pass over libxml2's nodes instead of two XPath evaluations."""
    cdef xmlNode* top = <xmlNode*>(<cetree._Element>root)._c_node.doc
    cdef xmlNode* c_node = top.children
    cdef xmlNode* after
    cdef long count = 0
    cdef int level = 1
    cdef bint deeper = False
    while c_node is not NULL:
        if c_node.type == tree.XML_ELEMENT_NODE:
            count += 1
            if level > depth:
                deeper = True
            after = c_node.children
            if after is not NULL:
                c_node = after
                level += 1
                continue
        while c_node.next is NULL and c_node.parent is not top:
            c_node = c_node.parent
            level -= 1
        c_node = c_node.next
    return count, deeper


SCAN_BUDGET = 4
"""Characters :func:`may_hold_crowded_tag` reads, as a multiple of the text's length, before it
gives up and answers True (a text of nested quotes could make it read some spans again)."""


cdef inline bint _tag_letter(Py_UCS4 c) noexcept:
    """``[a-z]`` under ``re.IGNORECASE``: ASCII letters, and the long s and the Kelvin sign,
    which case-fold to 's' and 'k'."""
    return (u'a' <= c <= u'z') or (u'A' <= c <= u'Z') or c == 0x17F or c == 0x212A


cdef inline bint _separator(Py_UCS4 c) noexcept:
    """``[\\s/]`` of a str pattern."""
    return Py_UNICODE_ISSPACE(c) or c == u'/'


cdef class _Text:
    cdef object text
    cdef int kind
    cdef void* data
    cdef Py_ssize_t size

    def __init__(self, str text):
        self.text = text
        self.kind = PyUnicode_KIND(text)
        self.data = PyUnicode_DATA(text)
        self.size = len(text)

    cdef inline Py_UCS4 at(self, Py_ssize_t i) noexcept:
        return PyUnicode_READ(self.kind, self.data, i)

    cdef Py_ssize_t after_value(self, Py_ssize_t i):
        """Where ``loading._VALUE`` ends when tried at ``i`` (``i`` itself when it matches nothing)."""
        cdef Py_ssize_t j = i, close
        cdef Py_UCS4 c
        while j < self.size and Py_UNICODE_ISSPACE(self.at(j)):
            j += 1
        if j >= self.size or self.at(j) != u'=':
            return i
        j += 1
        while j < self.size and Py_UNICODE_ISSPACE(self.at(j)):
            j += 1
        if j < self.size:
            c = self.at(j)
            if c == u'"' or c == u"'":
                close = PyUnicode_FindChar(self.text, c, j + 1, self.size, 1)
                if close >= 0:
                    return close + 1
        while j < self.size:  # a bare value, or an unclosed quote read as one
            c = self.at(j)
            if Py_UNICODE_ISSPACE(c) or c == u'>':
                break
            j += 1
        return j

    cdef Py_ssize_t attributes(self, Py_ssize_t i, int limit, int* count):
        """Reads ``loading._ATTR`` from ``i`` until none follows or ``limit`` is passed; the
        count in ``count``, the end returned."""
        cdef Py_UCS4 c
        while True:
            while i < self.size and _separator(self.at(i)):
                i += 1
            if i >= self.size or self.at(i) == u'>':
                return i
            count[0] += 1
            if count[0] > limit:
                return i
            i += 1
            while i < self.size:
                c = self.at(i)
                if _separator(c) or c == u'>' or c == u'=':
                    break
                i += 1
            i = self.after_value(i)


cdef Py_ssize_t _start_tag_end(_Text page, Py_ssize_t pos, int limit, int* count):
    """Past the start tag whose name begins at ``pos``: its name skipped, then its attributes read
    (up to ``limit`` + 1 of them, counted in ``count``); where the reading stopped."""
    cdef Py_ssize_t i = pos + 1
    cdef Py_UCS4 c
    while i < page.size:
        c = page.at(i)
        if _separator(c) or c == u'>':
            break
        i += 1
    return page.attributes(i, limit, count)


def may_hold_crowded_tag(str text, int limit):
    """False when no ``<`` and letter in ``text`` opens a start tag with more than ``limit``
    attributes as ``loading._ATTR`` reads them; True when one may. Every such ``<`` is tried,
    inside comments and scripts too, so this is a superset of the tags ``loading``'s scan sees:
    a False answer lets it skip that scan, a True one sends it there."""
    cdef _Text page = _Text(text)
    cdef Py_ssize_t pos = 0, i
    cdef Py_ssize_t budget = SCAN_BUDGET * page.size
    cdef int count
    while True:
        pos = PyUnicode_FindChar(text, u'<', pos, page.size, 1)
        if pos < 0:
            return False
        pos += 1
        if pos >= page.size or not _tag_letter(page.at(pos)):
            continue
        count = 0
        i = _start_tag_end(page, pos, limit, &count)
        if count > limit:
            return True
        budget -= i - pos
        if budget < 0:
            return True


cdef inline bint _is(Py_UCS4 c, Py_UCS4 lower) noexcept:
    """``c`` is the ASCII letter ``lower`` in either case (what ``re.IGNORECASE`` accepts for
    the letters of 'html' and 'body': no other character folds to them)."""
    cdef unsigned int code = c
    return code == <unsigned int>lower or code + 32 == <unsigned int>lower


cdef bint _frame_end_at(_Text page, Py_ssize_t pos) noexcept:
    """Whether ``loading._FRAME_END`` matches at ``pos`` (a '<'): '</html' or '</body' in any
    case, then the end of the text, white space, '/' or '>'."""
    cdef Py_ssize_t after = pos + 6
    cdef Py_UCS4 c
    if after > page.size or page.at(pos + 1) != u'/':
        return False
    if not ((_is(page.at(pos + 2), u'h') and _is(page.at(pos + 3), u't') and _is(page.at(pos + 4), u'm')
             and _is(page.at(pos + 5), u'l'))
            or (_is(page.at(pos + 2), u'b') and _is(page.at(pos + 3), u'o') and _is(page.at(pos + 4), u'd')
                and _is(page.at(pos + 5), u'y'))):
        return False
    if after == page.size:
        return True
    c = page.at(after)
    return Py_UNICODE_ISSPACE(c) or c == u'/' or c == u'>'


def markup_facts(str text, int limit):
    """What loading asks of the markup before parsing it, in one pass over its '<': (how many
    '<' it holds, what :func:`may_hold_crowded_tag` answers, where ``loading._FRAME_END`` first
    matches or -1)."""
    cdef _Text page = _Text(text)
    cdef Py_ssize_t pos = 0, i, count = 0, frame = -1
    cdef Py_ssize_t budget = SCAN_BUDGET * page.size
    cdef int attributes
    cdef bint crowded = False
    while True:
        pos = PyUnicode_FindChar(text, u'<', pos, page.size, 1)
        if pos < 0:
            return count, crowded, frame
        count += 1
        if frame < 0 and _frame_end_at(page, pos):
            frame = pos
        pos += 1
        if crowded or pos >= page.size or not _tag_letter(page.at(pos)):
            continue
        attributes = 0
        i = _start_tag_end(page, pos, limit, &attributes)
        budget -= i - pos
        crowded = attributes > limit or budget < 0
