"""Trivia Quiz
Ten multiple-choice questions. Press 1-4 or click an answer. You have 10 seconds per question.
After the last question your score is shown for a few seconds and the quiz closes.
"""
import random
import sys
from dataclasses import dataclass, field
from typing import List

import pygame


@dataclass
class Question:
    prompt: str
    choices: List[str]
    answer: int
    picked: int = field(default=-1)


QUESTIONS = [
    Question("What is the largest planet in our solar system?", ["Mars", "Jupiter", "Saturn", "Neptune"], 1),
    Question("Which element has the chemical symbol 'O'?", ["Gold", "Osmium", "Oxygen", "Oganesson"], 2),
    Question("How many sides does a hexagon have?", ["5", "6", "7", "8"], 1),
    Question("Who painted the Mona Lisa?", ["Van Gogh", "Picasso", "Da Vinci", "Rembrandt"], 2),
    Question("What is the capital of Japan?", ["Kyoto", "Osaka", "Tokyo", "Nagoya"], 2),
    Question("Which ocean is the largest?", ["Atlantic", "Indian", "Arctic", "Pacific"], 3),
    Question("What is 12 x 12?", ["124", "144", "132", "154"], 1),
    Question("Which animal is known as the 'King of the Jungle'?", ["Tiger", "Elephant", "Lion", "Gorilla"], 2),
    Question("What gas do plants absorb from the air?", ["Oxygen", "Carbon dioxide", "Nitrogen", "Helium"], 1),
    Question("In which year did humans first land on the Moon?", ["1965", "1969", "1972", "1959"], 1),
    Question("What is the hardest natural substance?", ["Gold", "Iron", "Diamond", "Quartz"], 2),
    Question("How many continents are there?", ["5", "6", "7", "8"], 2),
]
TIME_PER_QUESTION = 10_000
RESULTS_SHOWN_FOR = 4_000

pygame.init()
WIDTH, HEIGHT = 900, 600
screen = pygame.display.set_mode((WIDTH, HEIGHT))
pygame.display.set_caption("Trivia Quiz")
clock = pygame.time.Clock()
q_font = pygame.font.SysFont("helvetica", 30, bold=True)
a_font = pygame.font.SysFont("helvetica", 26)
answer_rects = [pygame.Rect(100 + (i % 2) * 360, 260 + (i // 2) * 120, 340, 90) for i in range(4)]

quiz = random.sample(QUESTIONS, 10)
index = 0
score = 0
question_start = pygame.time.get_ticks()
feedback_until = 0
finished_at = None

while True:
    now = pygame.time.get_ticks()
    choice = None
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            pygame.quit()
            sys.exit()
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_1, pygame.K_2, pygame.K_3, pygame.K_4):
            choice = event.key - pygame.K_1
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            for i, rect in enumerate(answer_rects):
                if rect.collidepoint(event.pos):
                    choice = i

    if finished_at is None:
        q = quiz[index]
        if now < feedback_until:
            pass
        elif feedback_until and now >= feedback_until:
            feedback_until = 0
            index += 1
            question_start = now
            if index >= len(quiz):
                finished_at = now
        elif choice is not None or now - question_start > TIME_PER_QUESTION:
            q.picked = choice if choice is not None else -1
            if q.picked == q.answer:
                score += 1
            feedback_until = now + 1200

    screen.fill((35, 40, 70))
    if finished_at is None:
        q = quiz[index]
        screen.blit(a_font.render(f"Question {index + 1}/{len(quiz)}   Score {score}", True, (180, 180, 220)), (30, 20))
        prompt = q_font.render(q.prompt, True, (255, 255, 255))
        screen.blit(prompt, prompt.get_rect(center=(WIDTH // 2, 160)))
        for i, rect in enumerate(answer_rects):
            color = (70, 80, 140)
            if feedback_until:
                if i == q.answer:
                    color = (50, 170, 80)
                elif i == q.picked:
                    color = (190, 50, 50)
            pygame.draw.rect(screen, color, rect, border_radius=14)
            text = a_font.render(f"{i + 1}. {q.choices[i]}", True, (255, 255, 255))
            screen.blit(text, text.get_rect(center=rect.center))
        if not feedback_until:
            left = max(0, TIME_PER_QUESTION - (now - question_start)) / TIME_PER_QUESTION
            pygame.draw.rect(screen, (240, 200, 60), (100, 220, 700 * left, 10))
    else:
        pct = score * 100 // len(quiz)
        lines = [f"You scored {score} out of {len(quiz)} ({pct}%)", "Excellent!" if pct >= 80 else "Not bad!" if pct >= 50 else "Keep practising!"]
        for i, line in enumerate(lines):
            text = q_font.render(line, True, (255, 255, 255))
            screen.blit(text, text.get_rect(center=(WIDTH // 2, 250 + i * 60)))
        if now - finished_at > RESULTS_SHOWN_FOR:
            break
    pygame.display.flip()
    clock.tick(30)

print(f"Final score: {score}/{len(quiz)}")
pygame.quit()
