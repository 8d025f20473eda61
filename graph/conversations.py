"""Cypher for chat conversations (``Conversation`` -[:HAS_TURN]-> ``Turn``), always keyed by user.

Conversations are application state, not safety facts: they are not in ``graph.schema`` and
the text-to-Cypher allow-list does not include them. Every query matches ``user_id`` so one
user can never read or delete another user's conversation.
"""

from __future__ import annotations

CREATE_CONVERSATION = """
CREATE (c:Conversation {id: $id, user_id: $user_id, title: $title, created_at: $now, updated_at: $now})
RETURN c.id AS id
"""

ADD_TURN = """
MATCH (c:Conversation {id: $conversation_id})
WHERE c.user_id = $user_id
CREATE (c)-[:HAS_TURN]->(t:Turn {id: $id, conversation_id: $conversation_id, seq: $seq, question: $question,
  answer: $answer, intent: $intent, path: $path, state: $state, citations: $citations, created_at: $now})
SET c.updated_at = $now
RETURN t.id AS id
"""

CONVERSATION = """
MATCH (c:Conversation {id: $conversation_id})
WHERE c.user_id = $user_id
RETURN c.id AS id, c.title AS title, c.created_at AS created_at, c.updated_at AS updated_at,
  size([(c)-[:HAS_TURN]->(t1:Turn) | t1]) AS turns
"""

TURNS = """
MATCH (c:Conversation {id: $conversation_id})-[:HAS_TURN]->(t:Turn)
WHERE c.user_id = $user_id
RETURN t.id AS id, t.seq AS seq, t.question AS question, t.answer AS answer, t.intent AS intent, t.path AS path,
  t.state AS state, t.citations AS citations, t.created_at AS created_at
ORDER BY t.seq
"""

LAST_TURN_STATE = """
MATCH (c:Conversation {id: $conversation_id})-[:HAS_TURN]->(t:Turn)
WHERE c.user_id = $user_id
RETURN t.seq AS seq, t.state AS state
ORDER BY t.seq DESC LIMIT 1
"""

LIST_CONVERSATIONS = """
MATCH (c:Conversation {user_id: $user_id})
RETURN c.id AS id, c.title AS title, c.created_at AS created_at, c.updated_at AS updated_at,
  size([(c)-[:HAS_TURN]->(t1:Turn) | t1]) AS turns
ORDER BY c.updated_at DESC, c.id SKIP $offset LIMIT $limit
"""

DELETE_TURNS = """
MATCH (c:Conversation {id: $conversation_id})-[:HAS_TURN]->(t:Turn)
WHERE c.user_id = $user_id
DETACH DELETE t
"""

DELETE_CONVERSATION = """
MATCH (c:Conversation {id: $conversation_id})
WHERE c.user_id = $user_id
DETACH DELETE c
"""
