"""Gait analysis: video to pose to events to metrics to findings. Plain Python, no Django."""

from stridewell.gait.analysis import Cadence, Curves, GaitAnalysis, analyse_keypoints
from stridewell.gait.errors import FILMING_ADVICE, GaitInputError
from stridewell.gait.events import Contact, detect_contacts
from stridewell.gait.findings import Finding
from stridewell.gait.keypoints import LANDMARKS, Keypoints
from stridewell.gait.metrics import Step, Summary
from stridewell.gait.mocap import side_camera_keypoints, standing_foot_angles
from stridewell.gait.norms import Norm, Norms, load_norms
from stridewell.gait.pipeline import analyse_video
from stridewell.gait.pose import BlazePoseBackend, PoseBackend, extract_keypoints
from stridewell.gait.readers import Markers, read_c3d, read_marker_table, read_pose_json, read_trc
from stridewell.gait.video import VideoInfo, probe
from stridewell.gait.view import ViewInfo

__all__ = [
    "FILMING_ADVICE",
    "LANDMARKS",
    "BlazePoseBackend",
    "Cadence",
    "Contact",
    "Curves",
    "Finding",
    "GaitAnalysis",
    "GaitInputError",
    "Keypoints",
    "Markers",
    "Norm",
    "Norms",
    "PoseBackend",
    "Step",
    "Summary",
    "VideoInfo",
    "ViewInfo",
    "analyse_keypoints",
    "analyse_video",
    "detect_contacts",
    "extract_keypoints",
    "load_norms",
    "probe",
    "read_c3d",
    "read_marker_table",
    "read_pose_json",
    "read_trc",
    "side_camera_keypoints",
    "standing_foot_angles",
]
