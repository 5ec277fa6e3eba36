// English and Korean strings for everything the page shows, and the language switch plumbing.

const STORAGE_KEY = 'moodtunes.lang';
export const LANGUAGES = ['en', 'ko'];

const STRINGS = {
  en: {
    'app.title': 'Moodtunes',
    'app.tagline': 'Show us your face, we’ll find your song.',
    'lang.switch': '한국어',
    'lang.switchLabel': '한국어 — switch the page to Korean',
    'nav.label': 'Main',
    'nav.home': 'New photo',
    'nav.history': 'History',
    'nav.skip': 'Skip to content',
    'share.summary': 'Open on your phone',
    'share.alt': "QR code of this page's address",
    'privacy.note': 'Your photo is deleted right after the analysis. Only the result is kept, for 30 days, and only this device can see it.',
    'capture.heading': 'Take a selfie or choose a photo',
    'camera.start': 'Take a selfie',
    'camera.capture': 'Capture',
    'camera.stop': 'Cancel',
    'camera.videoLabel': 'Camera preview',
    'camera.starting': 'Starting the camera…',
    'camera.denied': 'Camera access is blocked. Allow it in your browser’s site settings, or choose a photo instead.',
    'camera.unavailable': 'No camera available here. You can choose a photo instead.',
    'camera.insecure': 'The camera only works over a secure (https) connection. You can choose a photo instead.',
    'file.choose': 'Choose a photo',
    'file.drop': 'or drop one here',
    'file.hint': 'JPEG, PNG, WebP or HEIC. We shrink it on your phone before sending.',
    'state.idle': 'Ready when you are.',
    'state.preparing': 'Preparing your photo…',
    'state.uploading': 'Uploading…',
    'state.analyzing': 'Reading your expression…',
    'state.done': 'Done!',
    'state.failed': 'Something went wrong.',
    'state.loading': 'Loading…',
    'upload.progressLabel': 'Upload progress',
    'action.retry': 'Try again',
    'action.startOver': 'Use another photo',
    'failure.not-an-image': 'That file isn’t a photo we can read.',
    'failure.unsupported-image': 'That kind of image isn’t supported. Try a JPEG or PNG photo.',
    'failure.unsupported-type': 'That kind of image isn’t supported. Try a JPEG or PNG photo.',
    'failure.image-too-large': 'That image is too big to read. Try a smaller photo.',
    'failure.image-too-complex': 'That image would take too long to read. Try the photo straight from your camera.',
    'failure.file-too-large': 'That photo is too large.',
    'failure.file-too-large-limit': 'That photo is too large ({limit} at most).',
    'failure.corrupt-image': 'That photo looks damaged. Try another one.',
    'failure.no-face': 'We read moods from a face. Try a closer, well-lit selfie, facing the camera.',
    'failure.photo-missing': 'Your photo didn’t arrive. Please try again.',
    'failure.internal-error': 'Something went wrong on our side. Please try again.',
    'failure.prepare-failed': 'We couldn’t prepare that photo on this device. Try another one.',
    'failure.upload-failed': 'The upload didn’t go through. Check your connection and try again.',
    'failure.network': 'We couldn’t reach the server. Check your connection and try again.',
    'failure.timeout': 'This is taking too long. Please try again.',
    'failure.not-found': 'That result is gone (results are kept for 30 days).',
    'failure.invalid-token': 'This device couldn’t be recognised. Reload the page and try again.',
    'failure.generic': 'Something went wrong. Please try again.',
    'result.heading': 'Your mood',
    'result.photoAlt': 'Your photo',
    'result.photoCaption': 'The outlined face is the one we read.',
    'result.confidence': '{percent} sure',
    'result.barsHeading': 'All emotions',
    'result.tracksHeading': 'Tracks for you',
    'result.noTracksYet': 'Pick above and we’ll find tracks.',
    'result.analyzedAt': 'Analyzed {time}',
    'moods.heading': 'What are you in the mood for?',
    'moods.hint': 'Pick one or more.',
    'mood.morning-coffee': 'Morning coffee',
    'mood.relaxing': 'Relaxing',
    'mood.exercise': 'Exercise',
    'mood.heart-touching': 'Heart-touching',
    'moods.get': 'Get tracks',
    'sad.heading': 'Feeling down? What would help?',
    'sad.match': 'Match my mood',
    'sad.cheer-up': 'Cheer me up',
    'tracks.other': 'Other songs',
    'tracks.loading': 'Finding tracks…',
    'tracks.restarted': 'You’ve heard them all, so we’re starting over.',
    'tracks.openIn': 'Open in',
    'tracks.coverAlt': 'Cover of {title} by {artist}',
    'tracks.openSpotify': 'Open in Spotify',
    'tracks.newTab': '(opens in a new tab)',
    'tracks.embedTitle': '{title} by {artist} on Spotify',
    'tracks.by': 'by {artist}',
    'tracks.error': 'We couldn’t get tracks right now. Please try again.',
    'player.play': 'Play preview of {title} by {artist}',
    'player.pause': 'Pause preview of {title} by {artist}',
    'player.progress': 'Preview of {title} played so far',
    'player.error': 'This preview didn’t play. Tap to try again.',
    'player.noPreview': 'No preview for this song',
    'player.unavailable': 'Previews are unavailable right now; the links still work.',
    'player.attribution': 'Previews and covers from {provider}',
    'lang.ko': 'Korean',
    'lang.en': 'English',
    'history.heading': 'Your history',
    'history.intro': 'Past analyses from this device, newest first.',
    'history.empty': 'Nothing here yet. Take a selfie to get started.',
    'history.more': 'Load more',
    'history.open': 'Open',
    'history.openLabel': 'Open the result from {time}',
    'history.delete': 'Delete',
    'history.deleteLabel': 'Delete the result from {time}',
    'history.deleteAll': 'Delete all',
    'history.confirmAll': 'Delete every result on this device? Saved songs stay. This can’t be undone.',
    'history.confirmYes': 'Yes, delete all',
    'history.confirmNo': 'Keep them',
    'history.deleted': 'Deleted.',
    'history.allDeleted': 'All history deleted.',
    'history.pending': 'Still analyzing',
    'history.failed': 'Failed',
    'history.error': 'We couldn’t load your history. Please try again.',
    'history.tracks': 'Tracks',
    'camera.missing': 'No camera found on this device. You can choose a photo instead.',
    'camera.busy': 'The camera is in use by another app. Close it and try again, or choose a photo.',
    'camera.switch': 'Switch camera',
    'photo.dark': 'This photo looks very dark, so your face may be hard to read. More light helps.',
    'timeline.heading': 'Your mood over time',
    'timeline.recapNone': 'No moods this week yet.',
    'timeline.recapMostly': 'Mostly {emotion} this week',
    'timeline.recapWithDay': '{mostly}, one {emotion} {day}.',
    'timeline.recapOnly': '{mostly}.',
    'timeline.span': 'Last {days} days',
    'timeline.spanLabel': 'Days shown',
    'timeline.tableCaption': 'Your mood each day, last {days} days',
    'timeline.day': 'Day',
    'timeline.mood': 'Mood',
    'timeline.analyses': 'Analyses',
    'timeline.noMood': 'No analysis',
    'timeline.sharesLabel': 'Share of each emotion',
    'saved.heading': 'Saved songs',
    'saved.count': '{count} of {max} saved',
    'saved.empty': 'No saved songs yet. Tap ♡ on a song to keep it here.',
    'saved.save': 'Save {title} by {artist}',
    'saved.remove': 'Remove',
    'saved.removeLabel': 'Remove {title} by {artist} from saved songs',
    'saved.savedAt': 'Saved {time}',
    'saved.export.csv': 'Export CSV',
    'saved.export.text': 'Export as text',
    'saved.deleteAll': 'Delete all saved songs',
    'saved.confirmAll': 'Delete every saved song on this device? This can’t be undone.',
    'saved.confirmYes': 'Yes, delete them',
    'saved.full': 'You can keep up to {max} songs. Remove some to save more.',
    'saved.error': 'That didn’t work. Please try again.',
    'shareCard.open': 'Share as an image',
    'shareCard.heading': 'Share card',
    'shareCard.alt': 'Share card: {emotion}, with three songs',
    'shareCard.share': 'Share…',
    'shareCard.download': 'Download image',
    'shareCard.close': 'Close',
    'shareCard.note': 'Made on your phone: no photo or face on it.',
    'shareCard.title': 'My mood today',
    'shareCard.songs': 'Songs for this mood',
    'shareCard.shared': 'Shared.',
    'shareCard.downloaded': 'Image saved to your downloads.',
    'shareCard.error': 'We couldn’t make the image. Please try again.',
    'emotion.angry': 'Angry',
    'emotion.disgust': 'Disgusted',
    'emotion.fear': 'Afraid',
    'emotion.happy': 'Happy',
    'emotion.sad': 'Sad',
    'emotion.surprise': 'Surprised',
    'emotion.neutral': 'Neutral',
    'noscript': 'Moodtunes needs JavaScript to run.',
    'action.anotherPhoto': 'Take another photo',
    'failureTitle.photo': 'We couldn’t read this photo',
    'failureTitle.no-face': 'No face in this photo',
    'failureTitle.not-an-image': 'That file isn’t a photo',
    'result.unsureHeading': 'We couldn’t quite tell — how do you feel?',
    'result.yourAnswer': 'your answer',
    'result.tracksForMoods': 'Tracks for {moods}',
    'feel.heading': 'Tap the closest',
    'feel.orMoods': 'Or pick what you’re in the mood for',
    'moods.change': 'Pick moods instead',
    'player.playAll': 'Play all',
    'player.someMissing': 'Songs without ▶ have no preview; their links still work.',
    'history.unsure': 'Not sure',
    'shareCard.noFeeling': 'Hard to tell',
    'shareCard.moods': 'In the mood for {moods}',
    'saved.from': 'From {what}',
    'timeline.recapOneDay': 'Just one day this week: {emotion} on {day}.',
    'timeline.recapMix': 'A mix of {first} and {second} this week.',
    'share.loopback': 'This QR code holds a loopback address ({url}): it opens only on this computer. Start the server with --urls http://0.0.0.0:5080 and open this page by the computer’s network address.',
    'message.happy': 'That smile is contagious! Here is a soundtrack to keep it going.',
    'message.sad': 'Feeling a little blue? Music can sit with you, or lift you up.',
    'message.surprise': 'Whoa, what just happened? Here is something just as exciting.',
    'message.angry': 'Someone’s fired up! Turn it up and let it all out.',
    'message.fear': 'It’s going to be okay. A few warm songs to keep you company.',
    'message.disgust': 'Yikes, shake it off! A fresh playlist to clear the air.',
    'message.neutral': 'Cool and calm.',
  },
  ko: {
    'app.title': '무드튠즈',
    'app.tagline': '얼굴을 보여 주세요. 어울리는 노래를 찾아 드릴게요.',
    'lang.switch': 'English',
    'lang.switchLabel': 'English — 페이지를 영어로 바꾸기',
    'nav.label': '메인',
    'nav.home': '새 사진',
    'nav.history': '기록',
    'nav.skip': '본문으로 건너뛰기',
    'share.summary': '휴대폰으로 열기',
    'share.alt': '이 페이지 주소의 QR 코드',
    'privacy.note': '사진은 분석 직후 바로 삭제됩니다. 결과만 30일 동안 보관되며, 이 기기에서만 볼 수 있습니다.',
    'capture.heading': '셀카를 찍거나 사진을 고르세요',
    'camera.start': '셀카 찍기',
    'camera.capture': '촬영',
    'camera.stop': '취소',
    'camera.videoLabel': '카메라 미리보기',
    'camera.starting': '카메라를 켜는 중…',
    'camera.denied': '카메라 사용이 차단되어 있습니다. 브라우저의 사이트 설정에서 허용하거나 대신 사진을 골라 주세요.',
    'camera.unavailable': '사용할 수 있는 카메라가 없습니다. 대신 사진을 골라 주세요.',
    'camera.insecure': '카메라는 보안(https) 연결에서만 작동합니다. 대신 사진을 골라 주세요.',
    'file.choose': '사진 고르기',
    'file.drop': '또는 여기에 끌어다 놓기',
    'file.hint': 'JPEG, PNG, WebP, HEIC. 보내기 전에 휴대폰에서 크기를 줄입니다.',
    'state.idle': '준비되면 시작하세요.',
    'state.preparing': '사진을 준비하는 중…',
    'state.uploading': '업로드하는 중…',
    'state.analyzing': '표정을 읽는 중…',
    'state.done': '완료!',
    'state.failed': '문제가 생겼습니다.',
    'state.loading': '불러오는 중…',
    'upload.progressLabel': '업로드 진행률',
    'action.retry': '다시 시도',
    'action.startOver': '다른 사진 사용',
    'failure.not-an-image': '읽을 수 있는 사진 파일이 아닙니다.',
    'failure.unsupported-image': '지원하지 않는 이미지 형식입니다. JPEG나 PNG 사진을 사용해 주세요.',
    'failure.unsupported-type': '지원하지 않는 이미지 형식입니다. JPEG나 PNG 사진을 사용해 주세요.',
    'failure.image-too-large': '이미지가 너무 커서 읽을 수 없습니다. 더 작은 사진을 사용해 주세요.',
    'failure.image-too-complex': '이미지를 읽는 데 너무 오래 걸립니다. 카메라로 찍은 원본 사진을 사용해 주세요.',
    'failure.file-too-large': '사진 파일이 너무 큽니다.',
    'failure.file-too-large-limit': '사진 파일이 너무 큽니다 (최대 {limit}).',
    'failure.corrupt-image': '사진이 손상된 것 같습니다. 다른 사진을 사용해 주세요.',
    'failure.no-face': '기분은 얼굴에서 읽어요. 밝은 곳에서 카메라를 보고 더 가까이 찍어 보세요.',
    'failure.photo-missing': '사진이 전달되지 않았습니다. 다시 시도해 주세요.',
    'failure.internal-error': '서버에 문제가 생겼습니다. 다시 시도해 주세요.',
    'failure.prepare-failed': '이 기기에서 사진을 준비하지 못했습니다. 다른 사진을 사용해 주세요.',
    'failure.upload-failed': '업로드하지 못했습니다. 연결을 확인하고 다시 시도해 주세요.',
    'failure.network': '서버에 연결할 수 없습니다. 연결을 확인하고 다시 시도해 주세요.',
    'failure.timeout': '시간이 너무 오래 걸립니다. 다시 시도해 주세요.',
    'failure.not-found': '결과가 없습니다 (결과는 30일 동안만 보관됩니다).',
    'failure.invalid-token': '이 기기를 확인할 수 없습니다. 페이지를 새로 고친 뒤 다시 시도해 주세요.',
    'failure.generic': '문제가 생겼습니다. 다시 시도해 주세요.',
    'result.heading': '지금 기분',
    'result.photoAlt': '내 사진',
    'result.photoCaption': '테두리로 표시한 얼굴을 읽었습니다.',
    'result.confidence': '확신도 {percent}',
    'result.barsHeading': '모든 감정',
    'result.tracksHeading': '추천 음악',
    'result.noTracksYet': '위에서 골라 주시면 음악을 찾아 드릴게요.',
    'result.analyzedAt': '{time} 분석',
    'moods.heading': '어떤 분위기가 좋으세요?',
    'moods.hint': '여러 개 골라도 됩니다.',
    'mood.morning-coffee': '모닝 커피',
    'mood.relaxing': '휴식',
    'mood.exercise': '운동',
    'mood.heart-touching': '감성',
    'moods.get': '음악 추천받기',
    'sad.heading': '기분이 가라앉았나요? 어떤 음악이 좋을까요?',
    'sad.match': '지금 기분 그대로',
    'sad.cheer-up': '기운 나게 해 줘',
    'tracks.other': '다른 노래',
    'tracks.loading': '음악을 찾는 중…',
    'tracks.restarted': '모든 곡을 다 보여 드려서 처음부터 다시 추천합니다.',
    'tracks.openIn': '열기:',
    'tracks.coverAlt': '{artist}의 {title} 앨범 커버',
    'tracks.openSpotify': 'Spotify에서 열기',
    'tracks.newTab': '(새 탭에서 열림)',
    'tracks.embedTitle': 'Spotify의 {artist} - {title}',
    'tracks.by': '{artist}',
    'tracks.error': '지금은 음악을 가져올 수 없습니다. 다시 시도해 주세요.',
    'player.play': '{artist}의 {title} 미리 듣기 재생',
    'player.pause': '{artist}의 {title} 미리 듣기 일시 정지',
    'player.progress': '{title} 미리 듣기 진행률',
    'player.error': '미리 듣기를 재생하지 못했습니다. 눌러서 다시 시도해 주세요.',
    'player.noPreview': '이 노래는 미리 듣기가 없습니다',
    'player.unavailable': '지금은 미리 듣기를 사용할 수 없습니다. 링크는 그대로 사용할 수 있습니다.',
    'player.attribution': '미리 듣기와 커버 제공: {provider}',
    'lang.ko': '한국어',
    'lang.en': '영어',
    'history.heading': '내 기록',
    'history.intro': '이 기기에서 분석한 결과입니다. 최신순.',
    'history.empty': '아직 기록이 없습니다. 셀카를 찍어 시작해 보세요.',
    'history.more': '더 보기',
    'history.open': '열기',
    'history.openLabel': '{time} 결과 열기',
    'history.delete': '삭제',
    'history.deleteLabel': '{time} 결과 삭제',
    'history.deleteAll': '모두 삭제',
    'history.confirmAll': '이 기기의 모든 결과를 삭제할까요? 저장한 노래는 남습니다. 되돌릴 수 없습니다.',
    'history.confirmYes': '네, 모두 삭제',
    'history.confirmNo': '그대로 두기',
    'history.deleted': '삭제했습니다.',
    'history.allDeleted': '모든 기록을 삭제했습니다.',
    'history.pending': '분석 중',
    'history.failed': '실패',
    'history.error': '기록을 불러오지 못했습니다. 다시 시도해 주세요.',
    'history.tracks': '음악',
    'camera.missing': '이 기기에서 카메라를 찾을 수 없습니다. 대신 사진을 골라 주세요.',
    'camera.busy': '다른 앱이 카메라를 사용하고 있습니다. 그 앱을 닫고 다시 시도하거나 사진을 골라 주세요.',
    'camera.switch': '카메라 전환',
    'photo.dark': '사진이 매우 어둡습니다. 얼굴을 읽기 어려울 수 있으니 밝은 곳에서 찍어 보세요.',
    'timeline.heading': '시간에 따른 내 기분',
    'timeline.recapNone': '이번 주에는 아직 기록이 없어요.',
    'timeline.recapMostly': '이번 주는 대체로 {emotion}',
    'timeline.recapWithDay': '{mostly}, {day}에 한 번 {emotion}.',
    'timeline.recapOnly': '{mostly}.',
    'timeline.span': '최근 {days}일',
    'timeline.spanLabel': '보여 줄 기간',
    'timeline.tableCaption': '최근 {days}일 동안의 하루 기분',
    'timeline.day': '날짜',
    'timeline.mood': '기분',
    'timeline.analyses': '분석 수',
    'timeline.noMood': '기록 없음',
    'timeline.sharesLabel': '감정별 비율',
    'saved.heading': '저장한 노래',
    'saved.count': '{max}곡 중 {count}곡 저장',
    'saved.empty': '아직 저장한 노래가 없습니다. 노래의 ♡를 눌러 여기에 모아 보세요.',
    'saved.save': '{artist}의 {title} 저장',
    'saved.remove': '삭제',
    'saved.removeLabel': '저장한 노래에서 {artist}의 {title} 삭제',
    'saved.savedAt': '{time} 저장',
    'saved.export.csv': 'CSV로 내보내기',
    'saved.export.text': '텍스트로 내보내기',
    'saved.deleteAll': '저장한 노래 모두 삭제',
    'saved.confirmAll': '이 기기에 저장한 노래를 모두 삭제할까요? 되돌릴 수 없습니다.',
    'saved.confirmYes': '네, 모두 삭제',
    'saved.full': '노래는 최대 {max}곡까지 저장할 수 있습니다. 일부를 삭제한 뒤 저장해 주세요.',
    'saved.error': '처리하지 못했습니다. 다시 시도해 주세요.',
    'shareCard.open': '이미지로 공유',
    'shareCard.heading': '공유 카드',
    'shareCard.alt': '공유 카드: {emotion}, 노래 세 곡',
    'shareCard.share': '공유…',
    'shareCard.download': '이미지 저장',
    'shareCard.close': '닫기',
    'shareCard.note': '휴대폰에서 만든 이미지이며 사진이나 얼굴은 들어가지 않습니다.',
    'shareCard.title': '오늘의 내 기분',
    'shareCard.songs': '이 기분에 어울리는 노래',
    'shareCard.shared': '공유했습니다.',
    'shareCard.downloaded': '이미지를 다운로드에 저장했습니다.',
    'shareCard.error': '이미지를 만들지 못했습니다. 다시 시도해 주세요.',
    'emotion.angry': '화남',
    'emotion.disgust': '역겨움',
    'emotion.fear': '두려움',
    'emotion.happy': '행복',
    'emotion.sad': '슬픔',
    'emotion.surprise': '놀람',
    'emotion.neutral': '무표정',
    'noscript': '무드튠즈를 사용하려면 JavaScript가 필요합니다.',
    'action.anotherPhoto': '다른 사진 찍기',
    'failureTitle.photo': '이 사진은 읽지 못했어요',
    'failureTitle.no-face': '사진에서 얼굴을 찾지 못했어요',
    'failureTitle.not-an-image': '사진 파일이 아니에요',
    'result.unsureHeading': '잘 모르겠어요 — 지금 기분이 어떠세요?',
    'result.yourAnswer': '직접 고른 기분',
    'result.tracksForMoods': '{moods} 추천 음악',
    'feel.heading': '가장 가까운 걸 골라 주세요',
    'feel.orMoods': '아니면 듣고 싶은 분위기를 골라 주세요',
    'moods.change': '분위기 직접 고르기',
    'player.playAll': '모두 재생',
    'player.someMissing': '▶가 없는 노래는 미리 듣기가 없지만 링크는 사용할 수 있습니다.',
    'history.unsure': '확실하지 않음',
    'shareCard.noFeeling': '알쏭달쏭',
    'shareCard.moods': '{moods} 분위기로',
    'saved.from': '{what} 결과에서',
    'timeline.recapOneDay': '이번 주는 하루뿐: {day}에 {emotion}.',
    'timeline.recapMix': '이번 주 기분: {first}, {second} 반반.',
    'share.loopback': '이 QR 코드는 이 컴퓨터에서만 열리는 주소({url})입니다. 서버를 --urls http://0.0.0.0:5080 으로 실행하고 이 페이지를 컴퓨터의 네트워크 주소로 열어 주세요.',
    'message.happy': '그 미소, 전염성 최고예요! 기분 좋은 노래로 이어가 볼까요?',
    'message.sad': '조금 울적한가요? 음악이 곁에 있어 주거나 기운을 북돋아 줄 거예요.',
    'message.surprise': '어머, 무슨 일이에요? 그 놀라움만큼 신나는 노래를 준비했어요.',
    'message.angry': '화가 잔뜩 났군요! 볼륨 올리고 시원하게 털어 내요.',
    'message.fear': '괜찮아요, 다 잘 될 거예요. 곁에 있어 줄 따뜻한 노래들이에요.',
    'message.disgust': '으, 털어 버려요! 기분 전환할 상큼한 노래들이에요.',
    'message.neutral': '차분한 표정이네요.',
  },
};

function readStored() {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return LANGUAGES.includes(v) ? v : null;
  } catch {
    return null;
  }
}

/** The stored choice, else the first of navigator.languages we speak (ko* → Korean), else English. */
export function detectLanguage(navLanguages = navigator.languages || [navigator.language]) {
  const stored = readStored();
  if (stored) return stored;
  for (const tag of navLanguages || []) {
    const l = String(tag || '').toLowerCase();
    if (l.startsWith('ko')) return 'ko';
    if (l.startsWith('en')) return 'en';
  }
  return 'en';
}

let current = detectLanguage();
const listeners = new Set();

export function lang() {
  return current;
}

/** Translate a key, filling {name} placeholders; falls back to English, then to the key. */
export function t(key, params) {
  let s = STRINGS[current][key] ?? STRINGS.en[key] ?? key;
  if (params) s = s.replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m));
  return s;
}

export function has(key) {
  return key in STRINGS.en;
}

export function setLanguage(next, persist = true) {
  if (!LANGUAGES.includes(next)) return;
  current = next;
  if (persist) {
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      /* private mode: the choice lasts for this page only */
    }
  }
  applyStatic();
  for (const fn of listeners) fn(next);
}

export function onLanguageChange(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/**
 * Fill static markup: data-i18n="key" sets textContent,
 * data-i18n-attr="aria-label:key;title:key2" sets attributes.
 */
export function applyStatic(root = document) {
  document.documentElement.lang = current;
  document.title = `${t('app.title')} · ${t('app.tagline')}`;
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-attr]')) {
    for (const pair of el.dataset.i18nAttr.split(';')) {
      const [attr, key] = pair.split(':').map((s) => s.trim());
      if (attr && key) el.setAttribute(attr, t(key));
    }
  }
}

/** Percent text in the page language (e.g. "87%"). */
export function percent(value) {
  return new Intl.NumberFormat(current, { style: 'percent', maximumFractionDigits: 0 }).format(value || 0);
}

/** A byte count in the page language, in the binary units the server counts in (10485760 → "10 MB"). */
export function formatBytes(bytes) {
  const [unit, size] = bytes >= 1024 ** 2 ? ['megabyte', bytes / 1024 ** 2] : bytes >= 1024 ? ['kilobyte', bytes / 1024] : ['byte', bytes];
  return new Intl.NumberFormat(current, { style: 'unit', unit, maximumFractionDigits: 1 }).format(size);
}

/** A localized date and time for an ISO timestamp. */
export function formatTime(iso) {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return new Intl.DateTimeFormat(current, { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}
